import { isApiError } from '../../app/api';

/**
 * The fields a server answer blames, each with the server's own words:
 * `{details:{field}}` from the rules, `{details:{fields:[{path,message}]}}`
 * from schema validation (`/aliases/0` → `aliases`), `{details:{fields:[name]}}`
 * for fields of another kind, `{details:{issues:[{path}]}}` from a zod parse.
 */
export function fieldErrors(error: unknown): Map<string, string> {
  const found = new Map<string, string>();
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return found;
  const details = error.details as { field?: unknown; fields?: unknown; issues?: unknown };
  const put = (field: unknown, message: unknown) => {
    const name =
      typeof field === 'string'
        ? field.replace(/^\/+/, '').split('/')[0]
        : Array.isArray(field)
          ? String(field[0] ?? '')
          : '';
    if (name && !found.has(name)) found.set(name, typeof message === 'string' && message ? message : error.message);
  };
  if (typeof details.field === 'string') put(details.field, error.message);
  for (const entry of Array.isArray(details.fields) ? details.fields : []) {
    if (typeof entry === 'string') put(entry, error.message);
    else if (typeof entry === 'object' && entry !== null)
      put((entry as { path?: unknown }).path, (entry as { message?: unknown }).message);
  }
  for (const issue of Array.isArray(details.issues) ? details.issues : []) {
    if (typeof issue === 'object' && issue !== null)
      put((issue as { path?: unknown }).path, (issue as { message?: unknown }).message);
  }
  return found;
}
