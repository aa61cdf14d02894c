import type { NotePresence } from '@actionday/shared';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** Caret colours with enough contrast on white for a name label in white text. */
const palette = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7c3aed',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
  '#9f1239',
  '#1e40af',
];

/** A stable colour per person. */
export function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? '#1d4ed8';
}

export interface PresentPerson extends NotePresence {
  clientId: number;
  isMe: boolean;
}

function isPresence(value: unknown): value is NotePresence {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.name === 'string' && typeof record.country === 'string' && typeof record.color === 'string';
}

/** Everyone with the note open, from the awareness states (the server vouches for names and countries). */
export function usePresence(awareness: Awareness | null): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const read = () => {
      const next: PresentPerson[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user: unknown = state.user;
        if (isPresence(user)) next.push({ ...user, clientId, isMe: clientId === awareness.clientID });
      });
      next.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
      setPeople(next);
    };
    read();
    awareness.on('change', read);
    return () => {
      awareness.off('change', read);
      setPeople([]);
    };
  }, [awareness]);
  return people;
}
