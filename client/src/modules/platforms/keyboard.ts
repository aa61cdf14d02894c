import { useEffect, useRef } from 'react';

const typingInputTypes = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'time',
  'month',
  'week',
]);

/** Whether keys pressed on this element are text being typed (inputs, text areas, selects, editors). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable="true"]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && typingInputTypes.has(target.type);
}

/** The board's shortcut keys: one letter each, no modifiers. */
export type BoardKey = 'n' | 'c' | 'v' | 'j' | 'k' | '/' | '?' | 'Escape';

/** The key a keyboard event stands for, if it is a board shortcut that may fire here. */
export function boardKey(event: KeyboardEvent): BoardKey | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  if (isTypingTarget(event.target)) return null;
  if (event.key === 'Escape') return 'Escape';
  // another dialog (not ours) is open: its keys are its own
  if (document.querySelector('dialog[open]:not([data-board-dialog])')) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return key === 'n' || key === 'c' || key === 'v' || key === 'j' || key === 'k' || key === '/' || key === '?'
    ? key
    : null;
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
