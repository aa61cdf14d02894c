import { type ErrorCode, NOTE_FIELD, type NoteRef } from '@actionday/shared';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Loading } from '../../app/ui/Loading';
import { Notice } from '../../app/ui/Notice';
import { cx } from '../../app/ui/cx';
import type { NoteSyncState } from './note-sync';
import { NotePresenceList } from './NotePresenceList';
import styles from './NoteEditor.module.css';
import { NoteToolbar } from './NoteToolbar';
import { type OpenedNote, useNoteSync, useNoteSyncState, useNotesSocket } from './useNoteSync';

export interface NoteUser {
  name: string;
  country: string;
  color: string;
}

interface Props {
  noteRef: NoteRef;
  user: NoteUser;
  /** The note's accessible name ("Situation log", "Note on …"). */
  label: string;
}

/**
 * One collaborative note: who is in it, a formatting toolbar, the text, and
 * whether it is saved. Loaded only when a note is opened (with the editor,
 * Yjs and the `/notes` socket), so the board itself stays light.
 */
export function NoteEditor({ noteRef, user, label }: Props) {
  const socket = useNotesSocket();
  const opened = useNoteSync(socket, noteRef);
  const state = useNoteSyncState(opened?.sync ?? null);
  if (!opened) return <Loading />;
  return <CollaborativeEditor key={opened.sync.docName} opened={opened} state={state} user={user} label={label} />;
}

function CollaborativeEditor({
  opened,
  state,
  user,
  label,
}: {
  opened: OpenedNote;
  state: NoteSyncState;
  user: NoteUser;
  label: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          // Collaboration brings its own undo, limited to one's own changes.
          undoRedo: false,
          heading: { levels: [2, 3] },
          link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
        }),
        Collaboration.configure({ document: opened.doc, field: NOTE_FIELD }),
        CollaborationCaret.configure({
          provider: opened.sync,
          user,
          render: (who: Record<string, unknown>) => renderCaret(who, format.country),
        }),
      ],
      editable: false,
      editorProps: {
        attributes: {
          class: styles.text ?? '',
          'data-testid': 'note-text',
          'aria-label': label,
          'aria-multiline': 'true',
          role: 'textbox',
        },
      },
    },
    [opened],
  );
  const editable = state.canEdit && state.status !== 'refused';
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div
      className={styles.editor}
      data-testid="note-editor"
      data-doc={opened.sync.docName}
      data-status={state.status}
      data-unsaved={String(state.unsaved)}
    >
      <div className={styles.head}>
        <NotePresenceList awareness={opened.sync.awareness} />
        <NoteStatus state={state} />
      </div>
      {state.status === 'refused' ? (
        <Notice tone="error">{t(`notes.refused.${refusalReason(state.error)}`)}</Notice>
      ) : (
        <>
          {editable && editor && <NoteToolbar editor={editor} />}
          {!state.canEdit && state.status === 'synced' && <p className="muted">{t('notes.readOnly')}</p>}
          <EditorContent editor={editor} />
        </>
      )}
    </div>
  );
}

function NoteStatus({ state }: { state: NoteSyncState }) {
  const { t } = useTranslation();
  const text =
    state.status === 'offline'
      ? state.unsaved
        ? t('notes.status.offlineUnsaved')
        : t('notes.status.offline')
      : state.status === 'connecting'
        ? t('notes.status.connecting')
        : state.status === 'refused'
          ? ''
          : state.unsaved
            ? t('notes.status.saving')
            : t('notes.status.saved');
  return (
    <p
      className={cx(styles.status, state.status === 'offline' && styles.offline)}
      role="status"
      data-testid="note-status"
    >
      {text}
    </p>
  );
}

type Refusal = 'forbidden' | 'gone' | 'unavailable' | 'failed';

function refusalReason(code: ErrorCode | null): Refusal {
  if (code === 'auth.forbidden' || code === 'operations.not_member') return 'forbidden';
  if (code === 'notes.not_found' || code === 'operations.not_found') return 'gone';
  if (code === 'notes.unavailable') return 'unavailable';
  return 'failed';
}

/** Another person's caret: a coloured bar with their name and country. */
function renderCaret(who: Record<string, unknown>, country: (code: string) => string): HTMLElement {
  const color = typeof who.color === 'string' ? who.color : '#1d4ed8';
  const caret = document.createElement('span');
  caret.className = styles.caret ?? '';
  caret.dataset.noteCaret = '';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = styles.caretLabel ?? '';
  label.style.backgroundColor = color;
  const name = typeof who.name === 'string' ? who.name : '?';
  label.textContent = typeof who.country === 'string' ? `${name} · ${country(who.country)}` : name;
  caret.append(label);
  return caret;
}
