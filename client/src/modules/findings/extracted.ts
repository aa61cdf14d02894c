import type { ExtractedIdentifier, IdentifierKind, IdentifierStrength, ReadAs, ServiceId } from '@actionday/shared';
import type { ReadingChoice, ReadingPlace, useReader } from './reading';

type Reader = NonNullable<ReturnType<typeof useReader>>;

/** What one found identifier will be logged as, after the person's choice of service or region. */
export interface ExtractedReading {
  display: string;
  readAs: ReadAs | null;
  service: ServiceId | null;
  strength: IdentifierStrength | null;
  problem: string | null;
  /** The identifier's part of the finding to log. */
  log: { identifierKind: IdentifierKind; value: string; service?: ServiceId; regions?: string[] };
}

/**
 * The server's reading of a found identifier, or, once the person picked a region (phones) or a
 * service (handles), the same shared reading again with that choice: a number is then read from
 * its raw text in the region picked, a handle as the service picked.
 */
export function readExtracted(
  item: ExtractedIdentifier,
  choice: ReadingChoice | undefined,
  reader: Reader | null,
  place: ReadingPlace,
): ExtractedReading {
  const asFound: ExtractedReading = {
    display: item.display ?? item.value,
    readAs: item.readAs,
    service: item.service,
    strength: item.strength,
    problem: item.problem,
    log: {
      identifierKind: item.identifierKind,
      value: item.value,
      ...(item.service ? { service: item.service } : {}),
    },
  };
  const region = choice?.region ?? null;
  const service = choice?.service ?? null;
  if (!reader || (!region && !service)) return asFound;
  const phone = item.identifierKind === 'phone' || !!item.readAs;
  const log: ExtractedReading['log'] = phone
    ? {
        identifierKind: item.identifierKind,
        value: region ? item.raw : item.value,
        ...(item.service ? { service: item.service } : {}),
        ...(region ? { regions: [region] } : {}),
      }
    : {
        identifierKind: item.identifierKind,
        value: item.value,
        ...(service && service !== 'none' ? { service } : {}),
      };
  const read = reader.readIdentifier(log.identifierKind, log.value, {
    service: log.service ?? null,
    regions: log.regions ?? null,
    platformRegion: place.platform?.countryFocus ?? null,
    language: place.platform?.languages ?? null,
    ownRegion: place.ownCountry ?? null,
    platformHost: place.platform?.url ?? null,
  });
  if (!read.ok) return { display: log.value, readAs: null, service: null, strength: null, problem: read.message, log };
  const { reading } = read;
  return {
    display: reading.display,
    readAs: reading.readAs,
    service: reading.service,
    strength: reading.strength,
    problem: null,
    log,
  };
}
