import type { ErrorCode } from '@actionday/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Codes the client adds for failures that never reached a JSON answer. */
export type ClientErrorCode = ErrorCode | 'network.failed' | 'response.invalid';

/** One place a refusal blames: a JSON pointer into the request (`/aliases/0`, `/3/filter/colour`) and why. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Every failure the client meets, read once: an HTTP answer, a socket ack or a thrown error. */
export interface ParsedError {
  /** HTTP status; 0 for a socket ack or a request that never got an answer. */
  status: number;
  code: ClientErrorCode;
  /** The server's own words (English); the interface shows `codeMessage` instead. */
  message: string;
  /** The first message for each top-level field the answer blames (`/aliases/0` → `aliases`). */
  fieldErrors: Readonly<Record<string, string>>;
  /** Every blamed path with its message, as the server sent them. */
  problems: readonly FieldProblem[];
}

/** A failed API call, with the server's stable error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** `/aliases/0` and `['aliases', 0]` both name the field `aliases`. */
function pathOf(path: unknown): string {
  if (typeof path === 'string') return path.startsWith('/') || path === '' ? path : `/${path}`;
  if (Array.isArray(path)) return `/${path.map(String).join('/')}`;
  return '';
}

/**
 * The fields a refusal's `details` blame. The server has sent four shapes:
 * `{field}` (a rule), `{fields:[{path,message}]}` (schema validation),
 * `{fields:[name]}` (fields of another kind) and `{issues:[{path,message}]}` (a zod parse).
 */
function problemsOf(details: unknown, message: string): FieldProblem[] {
  if (!isObject(details)) return [];
  const problems: FieldProblem[] = [];
  const put = (path: unknown, text: unknown) => {
    const pointer = pathOf(path);
    if (pointer) problems.push({ path: pointer, message: typeof text === 'string' && text ? text : message });
  };
  if (typeof details.field === 'string') put(details.field, message);
  for (const entry of Array.isArray(details.fields) ? details.fields : []) {
    if (typeof entry === 'string') put(entry, message);
    else if (isObject(entry)) put(entry.path, entry.message);
  }
  for (const issue of Array.isArray(details.issues) ? details.issues : []) {
    if (isObject(issue)) put(issue.path, issue.message);
  }
  return problems;
}

function parsed(status: number, code: ClientErrorCode, message: string, details: unknown): ParsedError {
  const problems = problemsOf(details, message);
  const fieldErrors: Record<string, string> = {};
  for (const problem of problems) {
    // `/aliases/0`, and the server's schema paths `body.stages.0.amountMinor`: the form's field is the first part
    const field = problem.path.replace(/^\/(?:body|querystring|params)\./, '/').split(/[/.]/)[1] ?? '';
    if (field && !(field in fieldErrors)) fieldErrors[field] = problem.message;
  }
  return { status, code, message, fieldErrors, problems };
}

/** `{ error: { code, message, details } }`, the body of every error answer and of every refused socket ack. */
function errorBodyOf(value: unknown): { code: ErrorCode; message: string; details: unknown } | null {
  if (!isObject(value) || !isObject(value.error) || typeof value.error.code !== 'string') return null;
  const { code, message, details } = value.error;
  return { code: code as ErrorCode, message: typeof message === 'string' ? message : code, details };
}

/**
 * Reads any failure into one shape: an `ApiError`, an error answer's JSON
 * body, a refused socket ack (`{ ok: false, error }`), or anything thrown.
 */
export function parseError(source: unknown, status = 0): ParsedError {
  if (source instanceof ApiError) return parsed(source.status, source.code, source.message, source.details);
  const body = errorBodyOf(source);
  if (body) return parsed(status, body.code, body.message, body.details);
  const fallback: ClientErrorCode = status >= 500 || status === 0 ? 'server.internal' : 'response.invalid';
  return parsed(status, fallback, source instanceof Error ? source.message : `HTTP ${status}`, undefined);
}

/**
 * The error for a non-2xx HTTP answer from its raw text, for `fetch` and
 * `XMLHttpRequest` alike: the server's code when the body says it.
 */
export function answerError(status: number, text: string): ApiError {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    return new ApiError(status, 'response.invalid', `Unreadable answer (HTTP ${status})`);
  }
  const body = errorBodyOf(json);
  if (body) return new ApiError(status, body.code, body.message, body.details);
  return new ApiError(status, status >= 500 ? 'server.internal' : 'response.invalid', `HTTP ${status}`);
}

/** A 2xx answer's JSON, or an `ApiError` for a non-2xx or unreadable one. */
export function readAnswer<T>(status: number, text: string): T {
  if (status < 200 || status >= 300) throw answerError(status, text);
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(status, 'response.invalid', `Unreadable answer (HTTP ${status})`);
  }
}

/** What a request that never got an answer (offline, DNS, reset) fails with. */
export function networkError(cause: unknown): ApiError {
  return new ApiError(0, 'network.failed', cause instanceof Error ? cause.message : 'Network request failed');
}

/**
 * The translated sentence for an error code. Codes the catalogues do not
 * know yet (the server may add some) fall back to a generic sentence.
 */
export function codeMessage(t: TFunction, code: ClientErrorCode): string {
  return t(`error.${code}`, { defaultValue: t('error.unknown') });
}

/** A translated, human sentence for any error. */
export function errorMessage(t: TFunction, error: unknown): string {
  return error instanceof ApiError || errorBodyOf(error) ? codeMessage(t, parseError(error).code) : t('error.unknown');
}

/** `errorMessage` bound to the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => errorMessage(t, error);
}
