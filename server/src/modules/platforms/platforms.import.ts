import {
  type CreatePlatform,
  type ImportProblem,
  type ImportResult,
  createPlatformSchema,
  isPlatformAddress,
  normalizePlatformUrl,
  platformCategories,
} from '@actionday/shared';
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import { fail } from '../../http/errors.js';
import type { Actor } from '../../http/context.js';
import type { MembershipRow, OperationRow } from '../operations/index.js';
import { createPlatforms } from './platforms.service.js';
import { platforms } from './platforms.table.js';

/** One row as read from a file, before validation. */
type RawRow = Record<string, unknown>;

const list = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value.trim() === '') return [];
  return value
    .split(/[;|,]/)
    .map((part) => part.trim())
    .filter(Boolean);
};

/** Reads a CSV (header row: name,url,category,tags,languages,countryFocus,priority) or a JSON array. */
export function readImportFile(body: unknown, contentType: string | undefined): RawRow[] {
  if (typeof body === 'string' && /csv|text\/plain/.test(contentType ?? '')) {
    const parsed = Papa.parse<RawRow>(body.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: 'greedy',
      transformHeader: (h) => h.trim(),
    });
    if (!parsed.meta.fields?.includes('name') || !parsed.meta.fields.includes('url')) {
      fail('platforms.import_header');
    }
    return parsed.data;
  }
  const rows = Array.isArray(body)
    ? body
    : typeof body === 'object' && body !== null && Array.isArray((body as { platforms?: unknown }).platforms)
      ? (body as { platforms: unknown[] }).platforms
      : null;
  if (!rows) fail('platforms.import_format');
  if (rows.length > 5000) fail('platforms.import_too_large', { params: { max: 5000 } });
  return rows.map((row) => (typeof row === 'object' && row !== null ? (row as RawRow) : {}));
}

function checkRow(raw: RawRow, focusTags: string[]): { candidate: CreatePlatform; problems: ImportProblem[] } {
  const text = (key: string) => (raw[key] === undefined || raw[key] === null ? '' : String(raw[key]).trim());
  const candidate: CreatePlatform = {
    name: text('name'),
    url: text('url'),
    category: (text('category') || 'other') as CreatePlatform['category'],
    tags: list(raw.tags).map((t) => t.toLowerCase()),
    languages: list(raw.languages).map((l) => l.toLowerCase()),
    ...(text('countryFocus') ? { countryFocus: text('countryFocus') } : {}),
    ...(text('priority') ? { priority: Number(text('priority')) } : {}),
  };
  const problems: ImportProblem[] = [];
  if (!candidate.name) problems.push({ field: 'name', code: 'missing_name', message: 'The name is missing' });
  if (!isPlatformAddress(candidate.url))
    problems.push({
      field: 'url',
      code: 'bad_url',
      message: `Not an http(s) URL or onion address: "${candidate.url}"`,
    });
  if (!(platformCategories as readonly string[]).includes(candidate.category)) {
    problems.push({ field: 'category', code: 'unknown_category', message: `Unknown category "${candidate.category}"` });
  }
  const unknownTags = (candidate.tags ?? []).filter((tag) => !focusTags.includes(tag));
  if (unknownTags.length > 0)
    problems.push({
      field: 'tags',
      code: 'unknown_tag',
      message: `Not a focus tag of this operation: ${unknownTags.join(', ')}`,
    });
  if (problems.length === 0) {
    const parsed = createPlatformSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ field: issue.path.join('.') || 'row', code: 'invalid', message: issue.message });
    }
  }
  return { candidate, problems };
}

/**
 * Checks every row of a target list and reports each row's problems. In a
 * dry run nothing is written; otherwise all valid rows are written in one
 * transaction (all of them or, on any failure, none).
 */
export async function importPlatforms(
  deps: { db: Db; bus: EventBus },
  actor: Actor,
  context: { operation: OperationRow; membership: MembershipRow },
  rawRows: RawRow[],
  dryRun: boolean,
): Promise<ImportResult> {
  const existing = new Set(
    (
      await deps.db
        .select({ n: platforms.normalizedUrl })
        .from(platforms)
        .where(eq(platforms.operationId, context.operation.id))
    ).map((r) => r.n),
  );
  const seen = new Set<string>();
  const valid: CreatePlatform[] = [];
  const rows = rawRows.map((raw, index) => {
    const { candidate, problems } = checkRow(raw, context.operation.focusTags);
    if (problems.length === 0) {
      const key = normalizePlatformUrl(candidate.url);
      if (existing.has(key))
        problems.push({ field: 'url', code: 'duplicate_existing', message: 'Already on the platform list' });
      else if (seen.has(key))
        problems.push({ field: 'url', code: 'duplicate_in_file', message: 'Listed twice in this file' });
      seen.add(key);
    }
    if (problems.length === 0) valid.push(candidate);
    // line numbers as people see them in a spreadsheet: the CSV header is line 1
    return { line: index + 2, name: candidate.name, url: candidate.url, category: candidate.category, problems };
  });
  let created = 0;
  if (!dryRun && valid.length > 0) created = (await createPlatforms(deps, actor, context, valid)).length;
  return { dryRun, total: rows.length, valid: valid.length, invalid: rows.length - valid.length, created, rows };
}
