import type { NoteRef } from '@actionday/shared';
import type { Schedule } from '../lib/open-loop.js';

/** The database a bare baseline talks to directly: a PostgreSQL URL or an embedded directory (server stopped). */
export type BareTarget = { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dir: string };

/** A participant another process acts as. */
export interface Actor {
  cookie: string;
  memberId: string;
  country: string;
}

/** Counts of one load run, with its latencies as an encoded HDR histogram (µs). */
export interface LoadResult {
  histogram: string;
  sent: number;
  ok: number;
  /** Answers other than success, by error code or status. */
  errors: Record<string, number>;
  timeouts: number;
  maxSendLagMs: number;
}

/** A claims race seen from one process. */
export interface RaceResult extends LoadResult {
  /** [platformId, memberId] for every claim this process won. */
  won: [string, string][];
  /** Answered "somebody else has it". */
  lost: number;
  /** Answered "finish or release one first" (followed by a verdict on the oldest claim). */
  limited: number;
  verdicts: number;
  durationMs: number;
}

/** One worker method per key: its parameters and its answer. */
export interface WorkerMethods {
  'screens.open': {
    params: { url: string; operationId: string | null; cookies: (string | null)[]; concurrency: number };
    result: { opened: number; failed: number; errors: string[]; ms: number };
  };
  'screens.fanout': {
    params: { sent: Record<string, number> };
    result: { histogram: string; delivered: number; expected: number; payloadBytes: number };
  };
  'screens.drop': {
    params: { at: number; expectPlatformId: string | null; expectVersion: number | null };
    result: { screens: number };
  };
  'screens.back': {
    params: { timeoutMs: number };
    result: { histogram: string; back: number; total: number; slowestMs: number; refetchErrors: number };
  };
  'screens.close': { params: Record<string, never>; result: { closed: number } };
  'claims.race': {
    params: {
      url: string;
      actors: Actor[];
      platformIds: string[];
      startAt: number;
      durationMs: number;
      timeoutMs: number;
      seed: number;
    };
    result: RaceResult;
  };
  'findings.load': {
    params: {
      url: string;
      operationId: string;
      actors: Actor[];
      platformIds: string[];
      schedule: Schedule;
      timeoutMs: number;
      seed: number;
    };
    result: LoadResult;
  };
  'bare.claims': {
    params: {
      target: BareTarget;
      concurrency: number;
      platformIds: string[];
      memberIds: string[];
      startAt: number;
      durationMs: number;
      seed: number;
    };
    result: RaceResult;
  };
  'bare.inserts': {
    params: {
      target: BareTarget;
      operationId: string;
      platformIds: string[];
      actors: Actor[];
      schedule: Schedule;
      timeoutMs: number;
      seed: number;
    };
    result: LoadResult;
  };
  'bare.count': {
    params: { target: BareTarget; operationId: string; runs: number };
    result: { histogram: string; findings: number };
  };
  'editors.open': {
    params: { url: string; cookies: (string | null)[]; ref: NoteRef };
    result: { opened: number; failed: number; errors: string[] };
  };
  'editors.run': {
    params: { startAt: number; durationMs: number; editsPerSecond: number; peers: number };
    result: { histogram: string; edits: number; received: number; unsaved: number };
  };
  'editors.close': { params: Record<string, never>; result: { closed: number } };
  'worker.stats': { params: { reset: boolean }; result: { eventLoopDelayP99Ms: number; cpuPercent: number } };
}

export type MethodName = keyof WorkerMethods;
export type ParamsOf<M extends MethodName> = WorkerMethods[M]['params'];
export type ResultOf<M extends MethodName> = WorkerMethods[M]['result'];

/** Parent → worker. */
export interface CallMessage {
  id: number;
  method: MethodName;
  params: unknown;
}

/** Worker → parent. */
export type ReplyMessage = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
