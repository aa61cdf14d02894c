import { NOTES_NAMESPACE, rooms } from '@actionday/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import type { DomainEvents, EventBus } from '../events/bus.js';
import type { Delivery, Projection, Projections, Target } from '../events/delivery.js';
import { safeError } from '../http/safe-error.js';
import type { IoServer } from './io.js';

/** The room of a delivery target. */
export function roomOf(target: Target): string {
  if ('userId' in target) return rooms.user(target.userId);
  if (target.memberId) return rooms.operationMember(target.operationId, target.memberId);
  if (target.role && target.country) return rooms.operationCountryRole(target.operationId, target.country, target.role);
  if (target.role) return rooms.operationRole(target.operationId, target.role);
  return rooms.operation(target.operationId);
}

/** Carries out one delivery on every process (through the adapter). */
export function deliver(io: IoServer, delivery: Delivery): void {
  if (delivery.kind === 'emit') {
    const to = io.to(roomOf(delivery.to));
    const target = delivery.except ? to.except(delivery.except.map(roomOf)) : to;
    (target.emit as (event: string, payload: unknown) => boolean)(delivery.event, delivery.payload);
    return;
  }
  if (delivery.kind === 'disconnect') {
    // one message through the adapter to every process, for each namespace: no round trip that a slow or
    // dead process could hold up (fetchSockets would wait for its answer, then fail)
    const room = delivery.sessionHash ? rooms.session(delivery.sessionHash) : rooms.user(delivery.userId);
    io.in(room).disconnectSockets(true);
    io.of(NOTES_NAMESPACE).in(room).disconnectSockets(true);
    return;
  }
  // evict: one join through the adapter per namespace, no round trip; each process closes what its own sockets of
  // that user had open of the operation when it sees them join the eviction room (`onEviction`)
  const room = rooms.user(delivery.userId);
  io.in(room).socketsJoin(rooms.evicted(delivery.operationId));
  io.of(NOTES_NAMESPACE).in(room).socketsJoin(rooms.evicted(delivery.operationId));
}

/**
 * The one path from domain events to sockets: every module's projections, subscribed on the bus. A
 * projection that fails is logged and counted; it never takes the process down or blocks the others.
 */
export function startFanout(
  bus: EventBus,
  io: IoServer,
  db: Db,
  log: FastifyBaseLogger,
  all: readonly Projections[],
): () => void {
  const off: (() => void)[] = [];
  for (const projections of all) {
    for (const name of Object.keys(projections) as (keyof DomainEvents)[]) {
      const project = projections[name] as Projection<typeof name> | undefined;
      if (!project) continue;
      off.push(
        bus.subscribe(name, (event) => {
          Promise.resolve()
            .then(() => project(event, { db }))
            .then((deliveries) => deliveries.forEach((d) => deliver(io, d)))
            .catch((error: unknown) => log.error({ error: safeError(error), event: name }, 'live delivery failed'));
        }),
      );
    }
  }
  return () => off.forEach((unsubscribe) => unsubscribe());
}
