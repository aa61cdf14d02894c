import { z } from 'zod';

/** One error a module can answer: its HTTP status and its one message (`{name}` marks a parameter). */
export interface ErrorSpec {
  status: number;
  message: string;
}

/** Declares a module's errors once; the codes are `<module>.<reason>`. */
export const defineErrors = <const T extends Record<string, ErrorSpec>>(errors: T): T => errors;

/** A problem with one field of the request: its path (`value`, `links.0`, `body/name`) and what is wrong. */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string(), code: z.string().optional() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** Values that fill the message's `{name}` parameters; lists are joined with ", ". */
export type ErrorParams = Record<string, string | number | boolean | readonly (string | number)[]>;

/** The one shape of an error's details: the fields at fault, and the values in its message. */
export const errorDetailsSchema = z.object({
  fields: z.array(fieldErrorSchema).optional(),
  params: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]))
    .optional(),
});
export type ErrorDetails = z.infer<typeof errorDetailsSchema>;

/** Fills a message's `{name}` parameters. */
export function formatErrorMessage(template: string, params: ErrorParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}
