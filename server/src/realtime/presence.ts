import { rooms } from '@actionday/shared';
import type { IoServer } from './io.js';

/**
 * Who is online in each operation and on which platform, read from the
 * sockets in the operation's room (`fetchSockets` also sees other processes'
 * sockets through an adapter). Broadcasts are coalesced per operation.
 */
export class PresenceTracker {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly io: IoServer,
    private readonly delayMs = 150,
  ) {}

  /** Schedules a presence broadcast for the operation. */
  changed(operationId: string): void {
    if (this.pending.has(operationId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(operationId);
      void this.broadcast(operationId).catch(() => {});
    }, this.delayMs);
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
    for (const role of ['coordinator', 'investigator', 'analyst'] as const)
      this.io.to(rooms.operationRole(operationId, role)).emit('presence:updated', presence);
    const onlineByCountry = Object.fromEntries(
      Object.entries(byCountry).map(([country, members]) => [country, members.size]),
    );
    this.io.to(rooms.operationRole(operationId, 'observer')).emit('presence:counts', { operationId, onlineByCountry });
  }

  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
  }
}
