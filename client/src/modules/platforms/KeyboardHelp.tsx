import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/ui/Dialog';
import { Kbd } from '../../app/ui/Kbd';
import styles from './KeyboardHelp.module.css';

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

/** The list of shortcut keys, in a modal dialog (Escape or `?` closes it; the focus goes back where it was). */
export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('board.keys.title')}
      closeLabel={t('board.keys.done')}
      closeKeys={['?']}
      data-testid="keyboard-help"
      data-board-dialog
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
