import countries from 'i18n-iso-countries';
import { z } from 'zod';

/** ISO 3166-1 alpha-2 code, upper case (`NL`, `UA`). Names come from the viewer's locale. */
export const countrySchema = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => countries.isValid(value) && value.length === 2, {
    message: 'Not an ISO 3166-1 alpha-2 country code',
  });
export type Country = z.infer<typeof countrySchema>;
