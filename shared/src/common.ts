import { z } from 'zod';

export const idSchema = z.uuid();
export const isoDateTime = z.iso.datetime({ offset: true });

/** A lower-case focus tag such as `ukraine`. */
export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Tags are 1–40 lower-case letters, digits, - or _');

/** An IANA time zone that this runtime knows (`Europe/Amsterdam`). */
export const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Unknown IANA time zone' },
);
