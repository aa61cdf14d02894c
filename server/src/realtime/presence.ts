import { type Presence, type PresenceCounts, type Role, rooms } from '@actionday/shared';
import { Adapter } from 'socket.io-adapter';
import type { IoServer } from './io.js';

type IoSocket = Awaited<ReturnType<IoServer['fetchSockets']>>[number];

/** The longest a presence change waits to be broadcast, however big the room. */
const MAX_DELAY_MS = 2000;
/** Per connected screen, how much longer a change waits to be coalesced with others. */
const DELAY_PER_SOCKET_MS = 2;

/**
 * Who is online in each operation and on which platform, read from the
 * sockets in the operation's room (`fetchSockets` also sees other processes'
 * sockets through an adapter). Broadcasts are coalesced per operation, over a
 * window that grows with the room (each broadcast goes to every screen, so a
 * thousand screens joining at once must not mean a thousand lists sent to each
 * of them), and a list that did not change is not sent again (by a lone process: with several, the screens may
 * show another process's newer list).
 */
export class PresenceTracker {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** Per operation: how many sockets the last broadcast reached, and what it said. */
  private readonly last = new Map<
    string,
    { sockets: number; sent: string; presence: Presence; counts: PresenceCounts }
  >();

  constructor(
    private readonly io: IoServer,
    private readonly delayMs = 150,
  ) {}

  /** Schedules a presence broadcast for the operation. */
  changed(operationId: string): void {
    if (this.pending.has(operationId)) return;
    const sockets = this.last.get(operationId)?.sockets ?? 0;
    const delay = Math.min(MAX_DELAY_MS, Math.max(this.delayMs, sockets * DELAY_PER_SOCKET_MS));
    const timer = setTimeout(() => {
      this.pending.delete(operationId);
      void this.broadcast(operationId).catch(() => {});
    }, delay);
    timer.unref();
    this.pending.set(operationId, timer);
  }

  /**
   * Re-reads presence for every operation this process has sockets in: another process went away, and the
   * people connected to it are no longer online (nobody else would say so until the next change).
   */
  refreshAll(): void {
    for (const room of this.io.of('/').adapter.rooms.keys()) {
      const operationId = /^operation:([0-9a-f-]{36})$/i.exec(room)?.[1];
      if (operationId) this.changed(operationId);
    }
  }

  private async broadcast(operationId: string): Promise<void> {
    const sockets = await this.io.in(rooms.operation(operationId)).fetchSockets();
    const online = new Map<string, string | null>();
    const byCountry: Record<string, Set<string>> = {};
    for (const socket of sockets) {
      const member = socket.data.operations?.[operationId];
      if (!member) continue;
      const viewing = socket.data.viewing?.[operationId] ?? null;
      online.set(member.memberId, online.get(member.memberId) ?? viewing);
      (byCountry[member.country] ??= new Set()).add(member.memberId);
    }
    const presence = {
      operationId,
      online: [...online].map(([participantId, platformId]) => ({ participantId, platformId })),
    };
    const onlineByCountry = Object.fromEntries(
      Object.entries(byCountry).map(([country, members]) => [country, members.size]),
    );
    const sent = JSON.stringify([presence.online, onlineByCountry]);
    const before = this.last.get(operationId);
    const counts = { operationId, onlineByCountry };
    this.last.set(operationId, { sockets: sockets.length, sent, presence, counts });
    // With several processes, another one may have sent a different list since this one's last: only a lone
    // process knows that what it sent last is what the screens show.
    const alone = this.io.of('/').adapter.serverSideEmit === Adapter.prototype.serverSideEmit;
    if (alone && before?.sent === sent) return;
    for (const role of ['coordinator', 'investigator', 'analyst'] as const)
      this.io.to(rooms.operationRole(operationId, role)).emit('presence:updated', presence);
    this.io.to(rooms.operationRole(operationId, 'observer')).emit('presence:counts', counts);
  }

  /** A screen that just joined gets the last list at once (the next broadcast follows when something changed). */
  greet(socket: { emit: IoSocket['emit'] }, operationId: string, role: Role): void {
    const last = this.last.get(operationId);
    if (!last) return;
    if (role === 'observer') socket.emit('presence:counts', last.counts);
    else socket.emit('presence:updated', last.presence);
  }

  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
  }
}
