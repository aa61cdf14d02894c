import { Editor } from '../clients/editor.js';
import { encodeHistogram, latencyHistogram } from '../lib/histogram.js';
import { runOpenLoop } from '../lib/open-loop.js';
import { pause, until } from '../lib/time.js';
import type { ParamsOf, ResultOf } from './protocol.js';

let editors: Editor[] = [];

/** Opens the note for each editor and waits until each is in step. */
export async function openEditors(params: ParamsOf<'editors.open'>): Promise<ResultOf<'editors.open'>> {
  const errors = new Set<string>();
  let failed = 0;
  for (const cookie of params.cookies) {
    const editor = new Editor(params.url, cookie, params.ref);
    editors.push(editor);
    try {
      await editor.synced(60_000);
    } catch (error) {
      failed += 1;
      errors.add(error instanceof Error ? error.message : String(error));
    }
  }
  return { opened: editors.length - failed, failed, errors: [...errors].slice(0, 5) };
}

/** Every editor types at `editsPerSecond` from `startAt`; peers time each edit's arrival. */
export async function runEditors(params: ParamsOf<'editors.run'>): Promise<ResultOf<'editors.run'>> {
  for (const editor of editors) editor.startMeasuring(params.startAt);
  await Promise.all(
    editors.map((editor, i) =>
      runOpenLoop(
        {
          ratePerSecond: params.editsPerSecond,
          durationMs: params.durationMs,
          startAt: params.startAt,
          offsetMs: (i * 1000) / params.editsPerSecond / Math.max(1, editors.length),
        },
        async (index) => editor.edit(`editor ${i} edit ${index}`),
      ),
    ),
  );
  // what is still on its way arrives; a count that stops growing for a second is final
  let last = -1;
  await until(
    async () => {
      const now = editors.reduce((sum, editor) => sum + editor.received, 0);
      if (now === last) return true;
      last = now;
      await pause(1000);
      return null;
    },
    20_000,
    0,
  );
  const histogram = latencyHistogram();
  for (const editor of editors) histogram.add(editor.peerLatency);
  return {
    histogram: encodeHistogram(histogram),
    edits: editors.reduce((sum, editor) => sum + editor.edits, 0),
    received: editors.reduce((sum, editor) => sum + editor.received, 0),
    unsaved: editors.filter((editor) => editor.unsaved).length,
  };
}

export function closeEditors(): ResultOf<'editors.close'> {
  for (const editor of editors) editor.close();
  const closed = editors.length;
  editors = [];
  return { closed };
}
