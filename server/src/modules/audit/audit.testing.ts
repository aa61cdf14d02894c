import type { AuditVerdict } from '@actionday/shared';
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../db/database.js';
import { eventually, type Session, type TestApp } from '../../test/test-app.js';
import { auditEvents } from './audit.table.js';

/** The audit log of one operation as its coordinator sees it through the API, for tests. */
export function auditLogOf(t: TestApp, coordinator: Session, operationId: string) {
  const verify = async (query = '') => {
    const response = await t.request(coordinator, 'GET', `/api/operations/${operationId}/audit/verify${query}`);
    if (response.statusCode !== 200) throw new Error(`verify answered ${response.statusCode}: ${response.body}`);
    return response.json<AuditVerdict>();
  };
  return {
    verify,
    /** Waits until the sequencer has integrated every committed entry (it runs a moment after writes). */
    settled: (timeoutMs = 10_000) =>
      eventually(async () => {
        const verdict = await verify();
        expect(verdict.pending).toBe(0);
        expect(verdict.head?.size).toBe(verdict.count);
        return verdict;
      }, timeoutMs),
  };
}

/** The positions the chain's entries hold, in order. */
export async function positionsOf(db: Db, chain: string): Promise<(number | null)[]> {
  const rows = await db
    .select({ position: auditEvents.position })
    .from(auditEvents)
    .where(eq(auditEvents.chain, chain))
    .orderBy(asc(auditEvents.position));
  return rows.map((r) => r.position);
}

/** 0, 1, …, n − 1: the positions of a log with nothing skipped and nothing twice. */
export const unbroken = (n: number) => Array.from({ length: n }, (_, i) => i);
