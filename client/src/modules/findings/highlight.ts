/** A run of pasted text: plain, or an indicator phrase to highlight. */
export interface Segment {
  text: string;
  /** The indicator phrase(s) matched here, when highlighted. */
  phrases?: string[];
}

export interface IndicatorRange {
  phrase: string;
  start: number;
  end: number;
}

/**
 * The server finds phrases in a folded copy of the text (accents removed,
 * lower case), so its offsets count folded characters. This maps each folded
 * position back to the original one (index `folded.length` → `text.length`),
 * folding one code point at a time exactly as the server folds the whole text.
 */
export function foldedPositions(text: string): number[] {
  const positions: number[] = [];
  let at = 0;
  for (const char of text) {
    const folded = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    for (let i = 0; i < folded.length; i += 1) positions.push(at);
    at += char.length;
  }
  positions.push(text.length);
  return positions;
}

/**
 * Splits text into plain and highlighted runs for the indicator matches.
 * Offsets out of range are ignored; overlapping matches merge into one run.
 */
export function highlightSegments(text: string, matches: readonly IndicatorRange[]): Segment[] {
  const positions = foldedPositions(text);
  const last = positions.length - 1;
  const ranges = matches
    .filter(
      (m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start && m.end <= last,
    )
    .map((m) => ({ start: positions[m.start] as number, end: positions[m.end] as number, phrases: [m.phrase] }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof ranges = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range.start < previous.end) {
      previous.end = Math.max(previous.end, range.end);
      if (!previous.phrases.includes(range.phrases[0] as string)) previous.phrases.push(...range.phrases);
    } else {
      merged.push({ ...range, phrases: [...range.phrases] });
    }
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const range of merged) {
    if (range.start > at) segments.push({ text: text.slice(at, range.start) });
    segments.push({ text: text.slice(range.start, range.end), phrases: range.phrases });
    at = range.end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at) });
  return segments;
}
