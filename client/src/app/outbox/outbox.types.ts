import type { ClientErrorCode } from '../errors';

/** The writes that go through the outbox: what a person does on the board, in the order they did it. */
export type OutboxKind = 'finding' | 'claim' | 'release' | 'verdict' | 'announcement';

/** A write as a module asks for it. */
export interface OutboxWrite {
  kind: OutboxKind;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  operationId: string;
  /** The platform it is about, so the board can show it in place. */
  platformId?: string | null;
}

/** Why the server refused a write that was sent from the outbox (a 4xx): kept until the person discards it. */
export interface OutboxRefusal {
  status: number;
  code: ClientErrorCode;
  message: string;
  at: string;
}

/** One write kept on this device (IndexedDB) until the server has answered it. */
export interface OutboxEntry {
  /** Its place in the queue: entries are sent in this order. */
  seq: number;
  /** Whose write it is: another account signing in on this device neither sees nor sends it. */
  userId: string;
  /** Sent with every attempt, so the server carries the write out once however often it is sent. */
  idempotencyKey: string;
  kind: OutboxKind;
  method: OutboxWrite['method'];
  path: string;
  body: unknown;
  operationId: string;
  platformId: string | null;
  createdAt: string;
  /** Attempts that got no answer (offline, 5xx): the next waits longer. */
  attempts: number;
  refusal: OutboxRefusal | null;
}
