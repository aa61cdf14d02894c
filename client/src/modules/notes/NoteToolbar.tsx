import { type Editor, useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import styles from './NoteEditor.module.css';

/** Formatting buttons for plain structured text: headings, lists, links, bold and italics. */
export function NoteToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      link: e.isActive('link'),
    }),
  });
  const chain = () => editor.chain().focus();

  function editLink() {
    const current = (editor.getAttributes('link') as { href?: string }).href ?? '';
    const href = window.prompt(t('notes.toolbar.linkPrompt'), current);
    if (href === null) return;
    if (href.trim() === '') chain().extendMarkRange('link').unsetLink().run();
    else chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
  }

  const buttons: { key: string; label: string; text: string; pressed?: boolean; run: () => void }[] = [
    {
      key: 'bold',
      label: t('notes.toolbar.bold'),
      text: 'B',
      pressed: active.bold,
      run: () => chain().toggleBold().run(),
    },
    {
      key: 'italic',
      label: t('notes.toolbar.italic'),
      text: 'I',
      pressed: active.italic,
      run: () => chain().toggleItalic().run(),
    },
    {
      key: 'h2',
      label: t('notes.toolbar.heading'),
      text: 'H2',
      pressed: active.h2,
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      key: 'h3',
      label: t('notes.toolbar.subheading'),
      text: 'H3',
      pressed: active.h3,
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    {
      key: 'bullets',
      label: t('notes.toolbar.bulletList'),
      text: '•',
      pressed: active.bullets,
      run: () => chain().toggleBulletList().run(),
    },
    {
      key: 'numbers',
      label: t('notes.toolbar.orderedList'),
      text: '1.',
      pressed: active.numbers,
      run: () => chain().toggleOrderedList().run(),
    },
    { key: 'link', label: t('notes.toolbar.link'), text: t('notes.toolbar.link'), pressed: active.link, run: editLink },
    { key: 'undo', label: t('notes.toolbar.undo'), text: '↶', run: () => chain().undo().run() },
    { key: 'redo', label: t('notes.toolbar.redo'), text: '↷', run: () => chain().redo().run() },
  ];

  return (
    <div className={styles.toolbar} role="toolbar" aria-label={t('notes.toolbar.label')}>
      {buttons.map((button) => (
        <Button
          key={button.key}
          size="sm"
          variant="ghost"
          className={styles.tool}
          aria-label={button.label}
          title={button.label}
          aria-pressed={button.pressed}
          // Keep the text selection: the click must not move focus out of the editor first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
        >
          {button.text}
        </Button>
      ))}
    </div>
  );
}
