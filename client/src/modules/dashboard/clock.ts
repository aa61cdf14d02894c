import type { Operation } from '@actionday/shared';
import { useEffect, useState } from 'react';

/** Where the day stands against its time window. */
export type ClockState =
  | { kind: 'before'; ms: number }
  /** Planned (or in briefing) and its start has passed: not started yet, however late. */
  | { kind: 'due'; since: string }
  /** Live before its planned start: started early. */
  | { kind: 'early'; ms: number }
  | { kind: 'running'; ms: number }
  | { kind: 'ended' }
  | { kind: 'closed' };

/**
 * Where the day stands, the phase first and the clock second, so the two never contradict each other: a
 * planned operation whose start (or end) has passed has not started ("due"), a live one before its start
 * started early, a debrief or a live day past its end has ended; a closed operation is closed.
 */
export function clockState(operation: Pick<Operation, 'startsAt' | 'endsAt' | 'status'>, now: number): ClockState {
  if (operation.status === 'closed') return { kind: 'closed' };
  const start = Date.parse(operation.startsAt);
  const end = Date.parse(operation.endsAt);
  if (operation.status === 'debrief') return { kind: 'ended' };
  if (operation.status === 'live') {
    if (now >= end) return { kind: 'ended' };
    return now < start ? { kind: 'early', ms: end - now } : { kind: 'running', ms: end - now };
  }
  // planned or in briefing: it has not started, however late it is
  if (now < start) return { kind: 'before', ms: start - now };
  return { kind: 'due', since: operation.startsAt };
}

/** A duration split into whole days, hours, minutes and seconds (rounded down). */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/** `H:MM:SS` (hours may exceed 24), for the wall's countdown. */
export function countdown(ms: number): string {
  const { days, hours, minutes, seconds } = splitDuration(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days * 24 + hours}:${pad(minutes)}:${pad(seconds)}`;
}

/** The current time, re-read every `intervalMs` (aligned to the interval, so seconds tick together). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, intervalMs - (Date.now() % intervalMs));
    };
    timer = setTimeout(tick, intervalMs - (Date.now() % intervalMs));
    return () => clearTimeout(timer);
  }, [intervalMs]);
  return now;
}
