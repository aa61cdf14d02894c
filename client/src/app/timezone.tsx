import { type ReactNode, createContext, useCallback, useContext, useSyncExternalStore } from 'react';

/**
 * One rule for time: every time shown is in one zone, named beside it. The viewer chooses the operation's
 * zone (the default: the room speaks one time) or their own; the choice applies to every list, feed, chart
 * and clock at once. The wall always shows the operation's zone.
 */
export type ZoneChoice = 'operation' | 'own';

const STORAGE_KEY = 'actionday.timeZone';
const listeners = new Set<() => void>();

function readChoice(): ZoneChoice {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'own' ? 'own' : 'operation';
  } catch {
    return 'operation';
  }
}

let current: ZoneChoice = typeof localStorage === 'undefined' ? 'operation' : readChoice();

/** Changes the viewer's choice everywhere at once, remembered on this device. */
export function chooseZone(choice: ZoneChoice): void {
  current = choice;
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // not remembered, still applied
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The viewer's choice: operation time or own time. */
export function useZoneChoice(): ZoneChoice {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => 'operation',
  );
}

/** The viewer's own time zone. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

interface OperationZone {
  zone: string | null;
  /** The wall: the operation's zone whatever the viewer chose. */
  forced: boolean;
}

const OperationZoneContext = createContext<OperationZone>({ zone: null, forced: false });

/** Tells every time below it which operation's zone "operation time" means. */
export function OperationTimeZone({
  zone,
  forced = false,
  children,
}: {
  zone: string | null;
  forced?: boolean;
  children: ReactNode;
}) {
  return <OperationZoneContext.Provider value={{ zone, forced }}>{children}</OperationZoneContext.Provider>;
}

/**
 * Which zone to show a time in: `displayZone(operationZone?)` answers the operation's zone (the room's, else
 * the one the caller names) unless the viewer chose their own; the wall is always in the operation's zone.
 */
export function useDisplayZone(): (operationZone?: string | null) => string {
  const choice = useZoneChoice();
  const context = useContext(OperationZoneContext);
  return useCallback(
    (operationZone?: string | null) => {
      const operation = context.zone ?? operationZone ?? null;
      if (operation && (context.forced || choice === 'operation')) return operation;
      return viewerTimeZone();
    },
    [choice, context.zone, context.forced],
  );
}
