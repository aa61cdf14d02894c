import { useEffect, useMemo, useState } from 'react';
import { useFormat } from '../../app/format';

/** The current time, refreshed every `everyMs` (for "3 minutes ago" that stays true). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Whole minutes from an instant to now (never negative: clocks differ a little). */
export function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}

/** "now", "3 minutes ago", "2 hours ago", in the interface language. */
export function useRelativeTime(): (iso: string, now: number) => string {
  const { language } = useFormat();
  return useMemo(() => {
    const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'long' });
    return (iso: string, now: number) => {
      const minutes = minutesSince(iso, now);
      if (minutes < 1) return format.format(0, 'second');
      if (minutes < 60) return format.format(-minutes, 'minute');
      const hours = Math.floor(minutes / 60);
      return format.format(-hours, 'hour');
    };
  }, [language]);
}
