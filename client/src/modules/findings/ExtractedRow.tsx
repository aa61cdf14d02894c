import type { ExtractedIdentifier } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Checkbox } from '../../app/ui/Checkbox';
import { cx } from '../../app/ui/cx';
import type { ExtractedReading } from './extracted';
import styles from './PasteExtract.module.css';
import type { ReadingChoice, useReader } from './reading';
import { RegionSelect, ServiceSelect, phoneSentence } from './ReadingControls';

/** Where logging one found identifier stands. */
export type ItemState =
  | { state: 'logged'; matches: number }
  | { state: 'failed'; message: string }
  | { state: 'pending' };

/**
 * One identifier found in the pasted text: ticked to be logged, what it was read as (a number's
 * country, a handle's service or "possible match"), and a way to change the region or the service.
 */
export function ExtractedRow({
  item,
  reading,
  choice,
  reader,
  checked,
  state,
  onCheck,
  onChoose,
}: {
  item: ExtractedIdentifier;
  reading: ExtractedReading;
  choice: ReadingChoice | undefined;
  reader: ReturnType<typeof useReader>;
  checked: boolean;
  state: ItemState | undefined;
  onCheck: (checked: boolean) => void;
  onChoose: (choice: ReadingChoice) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const done = state?.state === 'logged' || state?.state === 'pending';
  const current: ReadingChoice = choice ?? { service: null, region: null };
  const phone = item.identifierKind === 'phone' || !!item.readAs;
  return (
    <li className={cx(styles.item, reading.problem && styles.problem)} data-testid="extracted-identifier">
      <Checkbox
        compact
        label={
          <>
            <span className={styles.kind}>{t(`findings.identifierKind.${item.identifierKind}`)}</span>{' '}
            <span className={styles.value} translate="no">
              {reading.display}
            </span>
          </>
        }
        checked={checked}
        disabled={done}
        onChange={(event) => onCheck(event.target.checked)}
      />
      {item.raw !== reading.display && (
        <span className={cx(styles.normalized, 'muted')} translate="no">
          {t('findings.reading.asWritten', { raw: item.raw })}
        </span>
      )}
      {reading.readAs && <span className={styles.reading}>{phoneSentence(t, format.country, reading.readAs)}</span>}
      {!reading.readAs && reading.strength === 'possible' && (
        <span className={styles.reading}>{t('findings.reading.possible')}</span>
      )}
      {reading.problem && (
        <span className={styles.problemText}>
          {t('findings.extract.problem')} <span lang="en">({reading.problem})</span>
        </span>
      )}
      {!done && phone && (
        <RegionSelect
          compact
          hideLabel
          value={current.region}
          onChange={(region) => onChoose({ ...current, region })}
        />
      )}
      {!done && reader && item.identifierKind === 'username' && (
        <ServiceSelect
          compact
          hideLabel
          reader={reader}
          choice={current.service}
          recognised={reading.service}
          onChange={(service) => onChoose({ ...current, service })}
        />
      )}
      {state && <ItemStatus state={state} />}
    </li>
  );
}

function ItemStatus({ state }: { state: ItemState }) {
  const { t } = useTranslation();
  if (state.state === 'pending')
    return <span className={cx(styles.status, 'muted')}>{t('findings.form.logging')}</span>;
  if (state.state === 'failed')
    return (
      <span className={cx(styles.status, styles.failed)} role="alert">
        {state.message}
      </span>
    );
  return (
    <span className={cx(styles.status, styles.logged, state.matches > 0 && styles.matched)}>
      {state.matches > 0 ? t('findings.extract.matched') : t('findings.extract.logged')}
    </span>
  );
}
