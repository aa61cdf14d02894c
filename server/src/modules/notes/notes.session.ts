import type { NoteTarget } from './notes.access.js';
import type { EditOrigin, LiveNote } from './notes.docs.js';

/** One note opened by one socket; also the origin of that socket's changes. */
export class OpenNote implements EditOrigin {
  /** Awareness client ids this socket speaks for. */
  readonly clientIds = new Set<number>();
  private queue: (() => void)[] = [];
  private failQueue: ((error: unknown) => void)[] = [];
  private draining = false;

  constructor(
    readonly socketId: string,
    readonly actor: { userId: string; ip: string | null },
    readonly live: LiveNote,
    readonly canEdit: boolean,
    readonly presence: { name: string; country: string },
    private readonly check: (self: OpenNote) => Promise<void>,
    private readonly track: <T>(work: Promise<T>) => Promise<T>,
  ) {}

  get target(): NoteTarget {
    return this.live.target;
  }

  /**
   * Applies a change once a permission check that began after it arrived has
   * passed. Changes that arrive while a check runs wait for the next one, so
   * a burst of keystrokes costs one query, not one each, and order is kept.
   */
  applyChecked(change: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push(() => {
        change();
        resolve();
      });
      this.failQueue.push(reject);
      if (!this.draining) void this.track(this.drain());
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        const failures = this.failQueue.splice(0);
        try {
          await this.check(this);
        } catch (error) {
          for (const reject of failures) reject(error);
          continue;
        }
        batch.forEach((apply, i) => {
          try {
            apply();
          } catch (error) {
            failures[i]?.(error);
          }
        });
      }
    } finally {
      this.draining = false;
    }
  }
}
