import { type Role, roles, rooms } from '@actionday/shared';
import type { IoServer } from '../deps.js';
import type { ServerToClientEvents } from '@actionday/shared';

/** A stand-in country that is never the author's, to ask "what does someone from elsewhere see?". */
const ELSEWHERE = '~elsewhere';

/**
 * Emits an event whose payload depends on the viewer's role and on whether
 * they share the author's country. Sockets sit in role rooms and
 * role-and-country rooms of each operation they joined, so this works
 * unchanged across processes through a socket.io adapter.
 * `build` answers null for viewers who must receive nothing.
 */
export function emitPerAudience<E extends keyof ServerToClientEvents>(
  io: IoServer,
  operationId: string,
  authorCountry: string,
  event: E,
  build: (viewer: { role: Role; country: string }) => Parameters<ServerToClientEvents[E]>[0] | null,
): void {
  for (const role of roles) {
    const same = build({ role, country: authorCountry });
    const other = build({ role, country: ELSEWHERE });
    const roleRoom = rooms.operationRole(operationId, role);
    const countryRoom = rooms.operationCountryRole(operationId, authorCountry, role);
    const emit = (target: ReturnType<IoServer['to']>, payload: NonNullable<typeof same>) =>
      (target.emit as (event: E, payload: NonNullable<typeof same>) => boolean)(event, payload);
    if (JSON.stringify(same) === JSON.stringify(other)) {
      if (same) emit(io.to(roleRoom), same);
      continue;
    }
    if (same) emit(io.to(countryRoom), same);
    if (other) emit(io.to(roleRoom).except(countryRoom), other);
  }
}
