import type { OutboxEntry } from './outbox.types';

const line = (name: string, value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : `${name}: ${value.map(String).join(', ')}`;
  if (typeof value === 'object') return `${name}: ${JSON.stringify(value)}`;
  return `${name}: ${String(value)}`;
};

/** What a person entered for a write, one field a line, to copy into a new attempt (never lost). */
export function entryText(entry: OutboxEntry): string {
  const body = entry.body;
  if (body === null || body === undefined) return '';
  if (typeof body !== 'object') return String(body);
  return Object.entries(body)
    .map(([name, value]) => line(name, value))
    .filter((text): text is string => text !== null)
    .join('\n');
}
