import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isTypingTarget } from './typing';
import { Dialog } from './ui/Dialog';
import { Kbd } from './ui/Kbd';
import styles from './KeyMap.module.css';

/** Every shortcut of the app, in one list (`board.keys.<name>` says what each does). */
const shortcuts = [
  ['N', 'next'],
  ['C', 'claim'],
  ['Alt+1 Alt+2 Alt+3 Alt+4 Alt+5', 'log'],
  ['V', 'verdict'],
  ['Alt+V', 'verdictAnywhere'],
  ['1 2 3', 'pick'],
  ['F', 'followUp'],
  ['Enter', 'submit'],
  ['J K', 'move'],
  ['/', 'search'],
  ['Esc', 'escape'],
  ['?', 'help'],
] as const;

const OPEN_EVENT = 'actionday:keymap';

/** Opens the map of keys from a button (the `?` key opens it from anywhere). */
export function openKeyMap(): void {
  window.dispatchEvent(new Event(OPEN_EVENT));
}

/**
 * The map of shortcut keys, for every page (mounted once by the app shell): `?` opens it from anywhere except
 * while typing, and closes it again, as do Escape and its button; the focus goes back where it was.
 */
export function KeyMap() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onOpen = () => setOpen(true);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener(OPEN_EVENT, onOpen);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener(OPEN_EVENT, onOpen);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  return (
    <Dialog
      open={open}
      onClose={() => setOpen(false)}
      title={t('board.keys.title')}
      closeLabel={t('board.keys.done')}
      closeKeys={['?']}
      data-testid="keyboard-help"
    >
      <p className={styles.intro}>{t('board.keys.intro')}</p>
      <dl className={styles.list}>
        {shortcuts.map(([keys, name]) => (
          <div key={name} className={styles.row}>
            <dt>
              {keys.split(' ').map((key) => (
                <Kbd key={key} large>
                  {key}
                </Kbd>
              ))}
            </dt>
            <dd>{t(`board.keys.${name}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
