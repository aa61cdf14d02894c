import type { IdentifierKind, Platform, ReadResult, ServiceId } from '@actionday/shared';
import { useEffect, useMemo, useState } from 'react';

type Reader = typeof import('./reading.lazy');

let loading: Promise<Reader> | null = null;

/** The shared reading, loaded once, the first time someone types or pastes an identifier. */
export function loadReader(): Promise<Reader> {
  loading ??= import('./reading.lazy');
  return loading;
}

/** Where an identifier is read, as the server reads it: the platform's country, languages and host, the investigator's country. */
export interface ReadingPlace {
  platform?: Pick<Platform, 'countryFocus' | 'languages' | 'url'> | undefined;
  ownCountry?: string | null | undefined;
}

/** What the person chose: the service of a handle (`none`: no known service), the region of a national number. */
export interface ReadingChoice {
  service: ServiceId | 'none' | null;
  region: string | null;
}

/** The reader once `active` has been true (null until it has loaded). */
export function useReader(active: boolean): Reader | null {
  const [reader, setReader] = useState<Reader | null>(null);
  useEffect(() => {
    if (!active || reader) return;
    let live = true;
    void loadReader().then((loaded) => {
      if (live) setReader(loaded);
    });
    return () => {
      live = false;
    };
  }, [active, reader]);
  return reader;
}

/**
 * How the server will read a value (the same shared code, the same context), for showing it
 * before it is logged: null while the value is empty or the reader is loading.
 */
export function useReading(
  kind: IdentifierKind,
  value: string,
  place: ReadingPlace,
  choice: ReadingChoice,
): { reader: Reader | null; result: ReadResult | null } {
  const reader = useReader(value.trim() !== '');
  const { platform, ownCountry } = place;
  const result = useMemo(() => {
    if (!reader || !value.trim()) return null;
    return reader.readIdentifier(kind, value, {
      service: choice.service && choice.service !== 'none' ? choice.service : null,
      regions: choice.region ? [choice.region] : null,
      platformRegion: platform?.countryFocus ?? null,
      language: platform?.languages ?? null,
      ownRegion: ownCountry ?? null,
      platformHost: platform?.url ?? null,
    });
  }, [reader, kind, value, choice.service, choice.region, platform, ownCountry]);
  return { reader, result };
}

/** What a logged identifier carries of the choice: the picked service, the region to read a national number in. */
export function choiceBody(choice: ReadingChoice): { service?: ServiceId; regions?: string[] } {
  return {
    ...(choice.service && choice.service !== 'none' ? { service: choice.service } : {}),
    ...(choice.region ? { regions: [choice.region] } : {}),
  };
}
