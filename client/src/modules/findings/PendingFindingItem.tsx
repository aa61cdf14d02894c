import type { CreateFinding } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { OutboxEntryCard } from '../../app/outbox/OutboxEntryCard';
import type { OutboxEntry } from '../../app/outbox/outbox.types';
import { cx } from '../../app/ui/cx';
import styles from './FindingItem.module.css';

const kindClass = {
  suspect: styles.kindSuspect,
  identifier: styles.kindIdentifier,
  victim: styles.kindVictim,
  offer: styles.kindOffer,
};

/** What a finding not yet on the server says about itself: its aliases or value (a victim's reference comes from the server). */
function titleOf(body: CreateFinding): string {
  if (body.kind === 'suspect') return body.aliases.join(', ');
  if (body.kind === 'identifier') return body.value;
  if (body.kind === 'offer') return body.route.join(' → ');
  return '';
}

const isFindingBody = (body: unknown): body is CreateFinding =>
  typeof body === 'object' && body !== null && 'kind' in body && 'platformId' in body;

/**
 * A finding this device keeps in its outbox, in place in the platform's list: pending until the server
 * has it, or refused (the reason, what was entered to copy, Discard) — never gone without a word.
 */
export function PendingFindingItem({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const body = entry.body;
  if (!isFindingBody(body)) return null;
  return (
    <li
      className={cx(styles.finding, styles[body.kind], styles.pending)}
      data-testid="finding"
      data-kind={body.kind}
      data-pending={entry.refusal ? 'refused' : 'pending'}
    >
      <div className={styles.main}>
        <span className={cx(styles.kind, kindClass[body.kind])}>{t(`findings.kind.${body.kind}`)}</span>
        <div className={styles.body}>
          <span className={styles.title}>{titleOf(body)}</span>
          {body.note && <span className={styles.note}>{body.note}</span>}
        </div>
      </div>
      <OutboxEntryCard entry={entry} compact />
    </li>
  );
}
