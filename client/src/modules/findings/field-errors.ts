import { parseError } from '../../app/errors';

/** The fields an answer blames, each with the server's own words (read by the one parser, `parseError`). */
export function fieldErrors(error: unknown): Map<string, string> {
  if (error === null || error === undefined) return new Map();
  return new Map(Object.entries(parseError(error).fieldErrors));
}
