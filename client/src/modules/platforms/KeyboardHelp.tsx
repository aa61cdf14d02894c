import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const shortcuts = [
  ['N', 'next'],
  ['C', 'claim'],
  ['V', 'verdict'],
  ['1 2 3', 'pick'],
  ['F', 'followUp'],
  ['Enter', 'submit'],
  ['J K', 'move'],
  ['/', 'search'],
  ['Esc', 'escape'],
  ['?', 'help'],
] as const;

/** The list of shortcut keys, in a modal dialog (Escape or `?` closes it). */
export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="keys-dialog"
      data-board-dialog
      data-testid="keyboard-help"
      aria-labelledby="keys-title"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === '?') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id="keys-title">{t('board.keys.title')}</h2>
      <p className="muted">{t('board.keys.intro')}</p>
      <dl className="keys-list">
        {shortcuts.map(([keys, name]) => (
          <div key={name} className="keys-list__row">
            <dt>
              {keys.split(' ').map((key) => (
                <kbd key={key} className="kbd kbd--large">
                  {key}
                </kbd>
              ))}
            </dt>
            <dd>{t(`board.keys.${name}`)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="button button--primary">
          {t('board.keys.done')}
        </button>
      </form>
    </dialog>
  );
}
