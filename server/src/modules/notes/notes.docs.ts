import type { FastifyBaseLogger } from 'fastify';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Db } from '../../db/database.js';
import { fail } from '../../http/errors.js';
import type { Actor } from '../../http/context.js';
import type { NoteTarget } from './notes.access.js';
import { loadNoteState, storeNote } from './notes.store.js';
import { safeError } from '../../http/safe-error.js';

/** Origins of changes that no local client made. */
export const LOADED = Symbol('loaded from the database');
export const STORED = Symbol('merged back from the database');
export const PEER = Symbol('relayed by another server process');

/** A local client's changes carry this origin, so they can be audited and not echoed back. */
export interface EditOrigin {
  readonly socketId: string;
  readonly actor: Actor;
}

export interface NoteDocsOptions {
  /** Quiet time after the last change before a write… */
  debounceMs: number;
  /** …but never longer than this after the first unsaved change. */
  maxWaitMs: number;
  /** An edit session ends after this long without edits; the next edit starts a new audited one. */
  editSessionIdleMs: number;
  /** How long a note nobody here has open stays cached. */
  evictAfterMs: number;
  now: () => Date;
  log: FastifyBaseLogger;
}

export const defaultNoteDocsOptions = {
  debounceMs: 750,
  maxWaitMs: 4000,
  editSessionIdleMs: 10 * 60_000,
  evictAfterMs: 30_000,
};

/** What the socket layer hears from the cache. */
export interface NoteDocsHooks {
  onUpdate(note: LiveNote, update: Uint8Array, origin: unknown): void;
  onAwareness(note: LiveNote, changed: number[], origin: unknown): void;
  onLoaded(note: LiveNote): void;
}

/** One note held in memory while someone on this process has it open. */
export class LiveNote {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  /** Local sockets that have the note open. */
  readonly holders = new Set<string>();
  dirty = false;
  firstDirtyAt = 0;
  writing = false;
  failures = 0;
  timer: NodeJS.Timeout | null = null;
  evictTimer: NodeJS.Timeout | null = null;
  /** Writes run one after another. */
  chain: Promise<unknown> = Promise.resolve();
  /** Called after the next write that commits. */
  waiters: (() => void)[] = [];
  /** Last edit per user (ms), to tell one edit session from the next. */
  readonly lastEdit = new Map<string, number>();
  /** Edit sessions to audit with the next write. */
  readonly sessionStarts = new Map<string, Actor>();

  constructor(readonly target: NoteTarget) {
    // The server is not a participant: it relays presence, it has none.
    this.awareness.setLocalState(null);
  }
}

/**
 * The notes this process serves, cached from the database. A write merges
 * the cached state into the stored one, so the cache is never the only
 * truth: it can be dropped and rebuilt at any time, and several processes
 * can hold the same note.
 */
export class NoteDocs {
  private readonly notes = new Map<string, LiveNote>();
  private readonly loading = new Map<string, Promise<LiveNote>>();
  private readonly inflight = new Set<Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly db: Db,
    private readonly options: NoteDocsOptions,
    private readonly hooks: NoteDocsHooks,
  ) {}

  /** The cached note, if this process holds it. */
  peek(docName: string): LiveNote | undefined {
    return this.notes.get(docName);
  }

  /** Loads the note if needed and counts `holderId` as having it open. */
  async acquire(target: NoteTarget, holderId: string): Promise<LiveNote> {
    let note = this.notes.get(target.docName);
    if (!note) {
      let loading = this.loading.get(target.docName);
      if (!loading) {
        loading = this.track(this.load(target)).finally(() => this.loading.delete(target.docName));
        this.loading.set(target.docName, loading);
      }
      note = await loading;
    }
    note.holders.add(holderId);
    if (note.evictTimer) clearTimeout(note.evictTimer);
    note.evictTimer = null;
    return note;
  }

  /** `holderId` closed the note; once nobody here has it open, it is saved and dropped. */
  release(note: LiveNote, holderId: string): void {
    note.holders.delete(holderId);
    if (note.holders.size > 0 || this.closing || note.evictTimer) return;
    note.evictTimer = setTimeout(() => {
      note.evictTimer = null;
      void this.evict(note);
    }, this.options.evictAfterMs);
    note.evictTimer.unref();
  }

  /** A local client changed the note: schedule a write, and start an audited edit session if one is not running. */
  edited(note: LiveNote, actor: Actor | null): void {
    if (actor) {
      const now = this.options.now().getTime();
      const last = actor.userId ? note.lastEdit.get(actor.userId) : undefined;
      if (actor.userId && (last === undefined || now - last > this.options.editSessionIdleMs))
        note.sessionStarts.set(actor.userId, actor);
      if (actor.userId) note.lastEdit.set(actor.userId, now);
    }
    if (!note.dirty) {
      note.dirty = true;
      note.firstDirtyAt = Date.now();
    }
    this.schedule(note);
  }

  /** Resolves once every change made so far is in the database. */
  whenSaved(note: LiveNote): Promise<void> {
    if (!note.dirty && !note.writing) return Promise.resolve();
    return new Promise((resolve) => note.waiters.push(resolve));
  }

  /** Work that shutdown must wait for (edits being authorised, loads, writes). */
  track<T>(work: Promise<T>): Promise<T> {
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work)).catch(() => {});
    return work;
  }

  /** Saves every unsaved note now (shutdown): waits for edits in flight first. */
  async close(): Promise<void> {
    this.closing = true;
    while (this.inflight.size > 0) await Promise.allSettled(this.inflight);
    const notes = [...this.notes.values()];
    await Promise.all(notes.map((note) => this.flush(note)));
    for (const note of notes) this.drop(note);
  }

  get isClosing(): boolean {
    return this.closing;
  }

  private async load(target: NoteTarget): Promise<LiveNote> {
    if (this.closing) fail('notes.unavailable');
    const state = await loadNoteState(this.db, target.docName);
    const note = new LiveNote(target);
    if (state) Y.applyUpdate(note.doc, state, LOADED);
    note.doc.on('update', (update: Uint8Array, origin: unknown) => this.hooks.onUpdate(note, update, origin));
    note.awareness.on(
      'update',
      ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) =>
        this.hooks.onAwareness(note, [...added, ...updated, ...removed], origin),
    );
    this.notes.set(target.docName, note);
    this.hooks.onLoaded(note);
    return note;
  }

  private schedule(note: LiveNote): void {
    if (this.closing) return;
    if (note.timer) clearTimeout(note.timer);
    const untilMax = note.firstDirtyAt + this.options.maxWaitMs - Date.now();
    note.timer = setTimeout(() => void this.persist(note), Math.max(0, Math.min(this.options.debounceMs, untilMax)));
    note.timer.unref();
  }

  /** Queues one write of the note; answers whether it committed. */
  private persist(note: LiveNote): Promise<boolean> {
    if (note.timer) clearTimeout(note.timer);
    note.timer = null;
    const run = note.chain.then(() => (note.dirty ? this.writeOnce(note) : true));
    note.chain = run.catch(() => {});
    return this.track(run);
  }

  private async writeOnce(note: LiveNote): Promise<boolean> {
    const state = Y.encodeStateAsUpdate(note.doc);
    const waiters = note.waiters.splice(0);
    const starts = [...note.sessionStarts.values()];
    note.sessionStarts.clear();
    note.dirty = false;
    note.writing = true;
    try {
      const merged = await storeNote(this.db, note.target, state, starts, this.options.now());
      note.failures = 0;
      // Changes another process stored are folded in (and sent on to our clients by the update hook).
      Y.applyUpdate(note.doc, merged, STORED);
      for (const done of waiters) done();
      return true;
    } catch (error) {
      note.failures += 1;
      this.options.log.error(
        { error: safeError(error), docName: note.target.docName, failures: note.failures },
        'note write failed; kept in memory, retrying',
      );
      note.waiters.unshift(...waiters);
      for (const actor of starts)
        if (actor.userId && !note.sessionStarts.has(actor.userId)) note.sessionStarts.set(actor.userId, actor);
      if (!note.dirty) note.firstDirtyAt = Date.now();
      note.dirty = true;
      if (!this.closing) {
        note.timer = setTimeout(() => void this.persist(note), Math.min(30_000, 500 * 2 ** Math.min(note.failures, 6)));
        note.timer.unref();
      }
      return false;
    } finally {
      note.writing = false;
      // Waiters that arrived during the write, for changes the write already held, are answered too.
      if (!note.dirty) for (const done of note.waiters.splice(0)) done();
    }
  }

  /** Writes until the note is saved, a few attempts at most (shutdown, eviction). */
  private async flush(note: LiveNote): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      await note.chain;
      if (!note.dirty) return true;
      if (await this.persist(note)) return true;
    }
    this.options.log.error({ docName: note.target.docName }, 'note could not be saved');
    return false;
  }

  private async evict(note: LiveNote): Promise<void> {
    if (note.holders.size > 0 || this.notes.get(note.target.docName) !== note) return;
    const saved = await this.flush(note);
    if (!saved || note.holders.size > 0 || note.dirty || this.closing) return;
    this.drop(note);
  }

  private drop(note: LiveNote): void {
    if (note.timer) clearTimeout(note.timer);
    if (note.evictTimer) clearTimeout(note.evictTimer);
    if (this.notes.get(note.target.docName) === note) this.notes.delete(note.target.docName);
    note.awareness.destroy();
    note.doc.destroy();
  }
}
