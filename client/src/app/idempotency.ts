/**
 * A fresh `Idempotency-Key` for one write. The server carries out a write once per key and answers a retry
 * with the first answer, so a request whose answer was lost on a crowded Wi-Fi can be sent again safely.
 * Built from `crypto.getRandomValues`, which (unlike `randomUUID`) also works on plain http in a room's LAN.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Methods that change something: each is sent with a key. */
export const writeMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How long to wait before each retry of a write whose answer never came (then the failure is shown). */
export const retryDelaysMs: readonly number[] = [400, 1500];
