import { NOTE_FIELD } from '@actionday/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { noteMarkdown } from './notes.markdown.js';

/** An element as y-prosemirror writes it: attributes, then children. */
function element(
  name: string,
  children: (Y.XmlElement | Y.XmlText)[],
  attributes: Record<string, unknown> = {},
): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

function text(runs: [string, Record<string, unknown>?][]): Y.XmlText {
  const node = new Y.XmlText();
  node.applyDelta(runs.map(([insert, attributes]) => (attributes ? { insert, attributes } : { insert })));
  return node;
}

describe('the Markdown copy of a note', () => {
  it('keeps headings, lists, links, bold and italics as the editor wrote them', () => {
    const doc = new Y.Doc();
    doc
      .getXmlFragment(NOTE_FIELD)
      .insert(0, [
        element('heading', [text([['Situation 09:30']])], { level: 2 }),
        element('paragraph', [
          text([
            ['Ad found on '],
            ['quick-jobs', { link: { href: 'https://quick-jobs.example.org' } }],
            [' — '],
            ['urgent', { bold: {} }],
            [' and '],
            ['unverified', { italic: {} }],
          ]),
        ]),
        element('bulletList', [
          element('listItem', [element('paragraph', [text([['phone logged']])])]),
          element('listItem', [
            element('paragraph', [text([['photo kept']])]),
            element('orderedList', [element('listItem', [element('paragraph', [text([['hash']])])])]),
          ]),
        ]),
        element('blockquote', [element('paragraph', [text([['quoted line']])])]),
        element('paragraph', [text([['line one']]), element('hardBreak', []), text([['line two']])]),
      ]);
    expect(noteMarkdown(doc.getXmlFragment(NOTE_FIELD))).toBe(
      [
        '## Situation 09:30',
        '',
        'Ad found on [quick-jobs](https://quick-jobs.example.org) — **urgent** and *unverified*',
        '',
        '- phone logged',
        '- photo kept',
        '  1. hash',
        '',
        '> quoted line',
        '',
        'line one  \nline two',
      ].join('\n'),
    );
  });

  it('is empty for an empty note', () => {
    expect(noteMarkdown(new Y.Doc().getXmlFragment(NOTE_FIELD))).toBe('');
  });
});
