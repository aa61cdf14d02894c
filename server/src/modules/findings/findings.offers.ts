import {
  type CreateFinding,
  type OfferContact,
  type ReadContext,
  type UpdateFinding,
  offerMoneyIssues,
  readIdentifier,
} from '@actionday/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { fail, failField } from '../../http/errors.js';
import type { FindingRow } from './findings.dto.js';
import { findings } from './findings.table.js';

type OfferInput = Extract<CreateFinding, { kind: 'offer' }>;

/**
 * An offer's columns: its contacts read as identifiers are (the same reading, in the same context: a phone in
 * the platform's region, the ad's language, the investigator's own), each once, so that they match like any
 * identifier logged elsewhere.
 */
export function offerValues(data: OfferInput, context: Omit<ReadContext, 'service' | 'regions'>) {
  const contacts: OfferContact[] = [];
  (data.contacts ?? []).forEach((contact, i) => {
    const read = readIdentifier(contact.identifierKind, contact.value, {
      ...context,
      service: contact.service ?? null,
      regions: contact.regions ?? null,
    });
    if (!read.ok)
      fail('findings.bad_identifier', {
        params: { reason: read.message },
        fields: [{ path: `contacts.${i}.value`, message: read.message }],
      });
    const { reading } = read;
    if (
      contacts.some((c) => c.identifierKind === reading.identifierKind && c.normalizedValue === reading.normalizedValue)
    )
      return;
    contacts.push({
      identifierKind: reading.identifierKind,
      value: contact.value,
      normalizedValue: reading.normalizedValue,
      service: reading.service,
      display: reading.display,
      readAs: reading.readAs,
    });
  });
  return {
    route: data.route,
    means: [...new Set(data.means ?? [])],
    priceMinor: data.priceMinor ?? null,
    currency: data.currency ?? null,
    stages: data.stages ?? [],
    stagesBeyondPrice: data.stagesBeyondPrice ?? false,
    contacts,
    advertiserId: data.advertiserId ?? null,
  };
}

/** A change to an offer's amounts keeps the same rules as logging one, over the offer as it would stand. */
export function assertOfferMoney(row: FindingRow, patch: UpdateFinding): void {
  const pick = <K extends 'priceMinor' | 'currency' | 'stagesBeyondPrice'>(key: K) =>
    patch[key] === undefined ? row[key] : patch[key];
  const issues = offerMoneyIssues({
    priceMinor: pick('priceMinor') ?? undefined,
    currency: pick('currency') ?? undefined,
    stages: patch.stages ?? row.stages ?? [],
    stagesBeyondPrice: pick('stagesBeyondPrice') ?? false,
  });
  const fields = issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, code: 'custom' }));
  const [first] = fields;
  if (!first) return;
  fail('request.invalid', { params: { problem: `${first.path}: ${first.message}` }, fields });
}

/** The advertiser of an offer is a live suspect of the same operation. */
export async function assertAdvertiser(db: Db, operationId: string, advertiserId: string): Promise<void> {
  const [row] = await db
    .select({ kind: findings.kind })
    .from(findings)
    .where(and(eq(findings.id, advertiserId), eq(findings.operationId, operationId), isNull(findings.deletedAt)));
  if (row?.kind !== 'suspect') failField('findings.not_a_suspect', 'advertiserId');
}
