/**
 * What may be logged of an unexpected error. Database errors carry the query
 * and its parameters (names, identifiers, victim references) in their
 * message: only the error's type, the database's error code, and the stack's
 * code locations are kept.
 */
export function safeError(error: unknown): { type: string; code?: string; at?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const cause = (error as { cause?: { code?: unknown; name?: unknown } }).cause;
  const code = (error as { code?: unknown }).code ?? cause?.code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 6)
    .map((line) => line.trim())
    .join(' | ');
  return {
    type: typeof cause?.name === 'string' ? `${error.name}(${cause.name})` : error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(frames ? { at: frames } : {}),
  };
}

/** PostgreSQL error codes for text the database cannot store (a NUL byte): bad input, not a server fault. */
const badTextCodes = new Set(['22021', '22P05', '22P02']);

/** Whether an error is the database refusing the characters of a value. */
export function isBadText(error: unknown): boolean {
  const own = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return badTextCodes.has(String(own)) || badTextCodes.has(String(cause));
}

/** The PostgreSQL error code (SQLSTATE) of a database error, on either driver, or null. */
export function databaseErrorCode(error: unknown): string | null {
  const own = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  const code = typeof own === 'string' && own.length === 5 ? own : cause;
  return typeof code === 'string' ? code : null;
}
