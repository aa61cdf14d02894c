import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../app/typing';

/** The board's shortcut keys: one letter each, no modifiers (`?`, the map of keys, works on every page: app/KeyMap). */
export type BoardKey = 'n' | 'c' | 'v' | 'j' | 'k' | '/' | 'Escape';

/**
 * The key a keyboard event stands for, if it is a board shortcut that may fire here. Two work while typing:
 * Escape (back to the list, unless the field handled it itself) and Alt+V (to the verdict).
 */
export function boardKey(event: KeyboardEvent): BoardKey | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.isComposing) return null;
  // a dialog is open: its keys are its own
  if (document.querySelector('dialog[open]')) return null;
  if (event.altKey) return event.code === 'KeyV' && !event.shiftKey ? 'v' : null;
  if (event.key === 'Escape') return 'Escape';
  if (isTypingTarget(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return key === 'n' || key === 'c' || key === 'v' || key === 'j' || key === 'k' || key === '/' ? key : null;
}

/** Calls `onKey` for each board shortcut pressed anywhere on the page (but never while typing). */
export function useBoardKeys(onKey: (key: BoardKey, event: KeyboardEvent) => void, enabled = true): void {
  const handler = useRef(onKey);
  useEffect(() => {
    handler.current = onKey;
  }, [onKey]);
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      const key = boardKey(event);
      if (key) handler.current(key, event);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
