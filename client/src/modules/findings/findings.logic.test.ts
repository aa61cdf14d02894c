import type { Finding, FindingView, RedactedFinding } from '@actionday/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import { fieldErrors } from './field-errors';
import { newerFinding } from './findings.cache';
import { guessIdentifierKind } from './guess';
import { foldedPositions, highlightSegments } from './highlight';
import { newLedger, reconcile, removeListed, upsertListed } from '../../app/live-list';

function finding(id: string, overrides: Partial<Finding> = {}): Finding {
  return {
    id,
    operationId: 'op',
    platformId: 'p1',
    kind: 'identifier',
    redacted: false,
    authorId: 'm1',
    country: 'NL',
    tags: [],
    handling: 'TLP:AMBER',
    note: null,
    language: null,
    links: [],
    aliases: null,
    identified: null,
    nationality: null,
    role: null,
    identifierKind: 'phone',
    value: '+31 6 1234 5678',
    normalizedValue: '+31612345678',
    service: null,
    display: null,
    readAs: null,
    result: 'nothing_found',
    reference: null,
    minor: null,
    ageEstimate: null,
    exploitation: null,
    referral: null,
    route: null,
    means: null,
    priceMinor: null,
    currency: null,
    stages: null,
    stagesBeyondPrice: null,
    contacts: null,
    advertiserId: null,
    late: false,
    createdAt: `2022-09-06T08:0${id.length % 10}:00.000Z`,
    updatedAt: '2022-09-06T08:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
const redacted = (id: string): RedactedFinding => ({
  id,
  operationId: 'op',
  platformId: 'p1',
  kind: 'victim',
  redacted: true,
  country: 'BE',
  createdAt: '2022-09-06T09:00:00.000Z',
});

describe('finding copies', () => {
  it('keeps the highest version, ties going to the incoming copy', () => {
    const v2 = finding('a', { version: 2, result: 'linked_suspect' });
    expect(newerFinding(v2, finding('a'))).toBe(v2);
    const again = finding('a', { version: 2 });
    expect(newerFinding(v2, again)).toBe(again);
    expect(newerFinding(redacted('r'), finding('r'))).toMatchObject({ redacted: false });
  });
});

describe('live lists', () => {
  it('upserts newest first and removes by id', () => {
    const list = upsertListed([finding('a')], finding('bb'), newerFinding);
    expect(list.map((f) => f.id)).toEqual(['bb', 'a']);
    const older = upsertListed(list, finding('a', { version: 0 }), newerFinding);
    expect(older).toBe(list);
    expect(removeListed(list, 'a').map((f) => f.id)).toEqual(['bb']);
  });

  it('keeps events that arrived while a list answer was on its way, and drops deleted records', () => {
    const ledger = newLedger<FindingView>();
    const requestedAt = 1000;
    // before the request: the answer knows about this one already
    ledger.live.set('old', { at: 500, item: finding('old', { version: 1 }) });
    // while the request ran: a new finding, an update and a deletion
    ledger.live.set('new', { at: 1500, item: finding('new') });
    ledger.live.set('a', { at: 1600, item: finding('a', { version: 3 }) });
    ledger.deleted.set('gone', 1700);
    // another platform's finding is not this list's
    ledger.live.set('other', { at: 1800, item: finding('other', { platformId: 'p2' }) });
    const fresh = [finding('a', { version: 2 }), finding('gone'), finding('old', { version: 2 })];
    const current = [finding('vanished')];
    const result = reconcile(current, fresh, requestedAt, ledger, newerFinding, (f) => f.platformId === 'p1');
    expect(result.map((f) => [f.id, f.redacted ? 0 : f.version]).sort()).toEqual([
      ['a', 3],
      ['new', 1],
      ['old', 2],
    ]);
  });

  it('keeps a newer cached copy over an older answer', () => {
    const cached = finding('a', { version: 4 });
    expect(reconcile([cached], [finding('a', { version: 2 })], 0, newLedger(), newerFinding)[0]).toBe(cached);
  });
});

describe('fieldErrors', () => {
  it('reads a rule error naming one field', () => {
    const error = new ApiError(400, 'findings.bad_identifier', 'Not a phone number', { field: 'value' });
    expect([...fieldErrors(error)]).toEqual([['value', 'Not a phone number']]);
  });

  it('reads schema errors by their first path segment', () => {
    const error = new ApiError(400, 'request.invalid', 'body/aliases/0: Too small', {
      fields: [
        { path: '/aliases/0', message: 'Too small' },
        { path: '/reference', message: 'Required' },
      ],
    });
    expect(Object.fromEntries(fieldErrors(error))).toEqual({ aliases: 'Too small', reference: 'Required' });
  });

  it('reads field-name lists and zod issues, and nothing from other errors', () => {
    expect([
      ...fieldErrors(
        new ApiError(400, 'findings.kind_mismatch', 'A victim has no aliases', { fields: ['aliases'] }),
      ).keys(),
    ]).toEqual(['aliases']);
    expect([
      ...fieldErrors(
        new ApiError(400, 'request.invalid', 'x', { issues: [{ path: ['ageEstimate'], message: 'Too big' }] }),
      ).keys(),
    ]).toEqual(['ageEstimate']);
    expect(fieldErrors(new Error('boom')).size).toBe(0);
    expect(fieldErrors(new ApiError(403, 'auth.forbidden', 'no')).size).toBe(0);
  });
});

describe('guessIdentifierKind', () => {
  it.each([
    ['+31 6 1234 5678', 'phone'],
    ['06-12 34 56 78', 'phone'],
    ['(0470) 99.88.77', 'phone'],
    ['@anna_k', 'username'],
    ['anna@example.org', 'email'],
    ['https://www.instagram.com/anna', 'profile_url'],
    ['www.example.org', 'profile_url'],
    ['facebook.com/anna.k', 'profile_url'],
    ['0x52908400098527886E0F7030069857D2E4169EE7', 'wallet'],
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'wallet'],
    ['anna k', null],
    ['12', null],
    ['', null],
  ])('%s → %s', (value, kind) => {
    expect(guessIdentifierKind(value)).toBe(kind);
  });
});

describe('highlightSegments', () => {
  it('marks indicator phrases at their offsets', () => {
    const text = 'New in town, available 24/7. Call me';
    const segments = highlightSegments(text, [
      { phrase: 'available 24/7', start: 13, end: 27 },
      { phrase: 'new in town', start: 0, end: 11 },
    ]);
    expect(segments).toEqual([
      { text: 'New in town', phrases: ['new in town'] },
      { text: ', ' },
      { text: 'available 24/7', phrases: ['available 24/7'] },
      { text: '. Call me' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('merges overlapping matches and ignores offsets outside the text', () => {
    const text = 'high salary abroad';
    expect(
      highlightSegments(text, [
        { phrase: 'high salary', start: 0, end: 11 },
        { phrase: 'salary abroad', start: 5, end: 18 },
        { phrase: 'bad', start: 15, end: 99 },
        { phrase: 'empty', start: 3, end: 3 },
      ]),
    ).toEqual([{ text: 'high salary abroad', phrases: ['high salary', 'salary abroad'] }]);
    expect(highlightSegments('', [])).toEqual([{ text: '' }]);
  });

  it('maps folded offsets back when the text holds decomposed accents', () => {
    // "cafe\u0301" folds to "cafe": the server counts 4 characters, the text has 5
    const text = 'Cafe\u0301 job: work abroad';
    expect(foldedPositions('e\u0301x')).toEqual([0, 2, 3]);
    const start = 'cafe job: '.length;
    const segments = highlightSegments(text, [{ phrase: 'work abroad', start, end: start + 'work abroad'.length }]);
    expect(segments.find((s) => s.phrases)?.text).toBe('work abroad');
  });
});
