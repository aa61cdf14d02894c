import { type Participant, type Platform, type Verdict, verdicts } from '@actionday/shared';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { Checkbox } from '../../app/ui/Checkbox';
import { FieldError, Hint, TextAreaField } from '../../app/ui/Field';
import { Kbd } from '../../app/ui/Kbd';
import { Queued } from '../../app/outbox/outbox';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { cx } from '../../app/ui/cx';
import styles from './VerdictForm.module.css';
import { useRecordVerdict } from './platforms.api';

interface Props {
  platform: Platform;
  /** The holder, when the verdict is given for someone else (a coordinator's). */
  holder: Participant | undefined;
  forSomeoneElse: boolean;
  /** Each increase moves the keyboard focus into the form. */
  focusRequest: number;
  /** After the verdict is recorded (the board moves the focus back to the list, where the next action is). */
  onRecorded?: (() => void) | undefined;
}

const keyOf: Record<string, Verdict> = { '1': 'no_indicators', '2': 'suspected', '3': 'confirmed' };

/**
 * The verdict on a claimed platform, keyboard first: 1, 2, 3 pick the
 * verdict, F toggles follow-up, Enter records it (Ctrl+Enter from the summary).
 */
export function VerdictForm({ platform, holder, forSomeoneElse, focusRequest, onRecorded }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const record = useRecordVerdict(platform.operationId);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [followUp, setFollowUp] = useState(false);
  const [summary, setSummary] = useState('');
  const [missing, setMissing] = useState(false);
  const firstRadio = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusRequest <= 0) return;
    const checked = form.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    (checked ?? firstRadio.current)?.focus();
  }, [focusRequest]);

  const pick = (next: Verdict) => {
    setVerdict(next);
    setMissing(false);
  };

  const submit = () => {
    if (record.isPending) return;
    if (!verdict) {
      setMissing(true);
      firstRadio.current?.focus();
      return;
    }
    const text = summary.trim();
    record.mutate(
      { platformId: platform.id, verdict, followUp, ...(text ? { summary: text } : {}) },
      { onSuccess: () => onRecorded?.() },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submit();
      }
      return;
    }
    // in the summary, keys are text (Ctrl+Enter above still records)
    if (event.target instanceof HTMLTextAreaElement) return;
    const picked = keyOf[event.key];
    if (picked) {
      event.preventDefault();
      pick(picked);
      form.current?.querySelector<HTMLInputElement>(`input[value="${picked}"]`)?.focus();
    } else if (event.key === 'f' || event.key === 'F') {
      event.preventDefault();
      setFollowUp((current) => !current);
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      ref={form}
      className={styles.form}
      data-testid="verdict-form"
      aria-labelledby={`${id}-title`}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h4 id={`${id}-title`} className={styles.title}>
        {t('board.verdictForm.title')}
      </h4>
      {forSomeoneElse && (
        <p className="muted">
          {t('board.verdictForm.forHolder', { name: holder?.name ?? t('claim.unknownClaimant') })}
        </p>
      )}
      <fieldset className={styles.choices} aria-describedby={missing ? `${id}-missing` : `${id}-keys`}>
        <legend className="visually-hidden">{t('board.verdictForm.verdict')}</legend>
        {verdicts.map((value, index) => (
          <label key={value} className={cx(styles.choice, styles[value], verdict === value && styles.checked)}>
            <input
              ref={index === 0 ? firstRadio : undefined}
              type="radio"
              name={`${id}-verdict`}
              value={value}
              checked={verdict === value}
              onChange={() => pick(value)}
              aria-keyshortcuts={String(index + 1)}
            />
            <span aria-hidden="true">
              <Kbd>{index + 1}</Kbd>
            </span>
            <span className={styles.text}>
              <span className={styles.label}>{t(`verdict.${value}`)}</span>
              <span className={styles.hint}>{t(`board.verdictForm.hint.${value}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {missing && <FieldError id={`${id}-missing`}>{t('board.verdictForm.missing')}</FieldError>}
      <Checkbox
        compact
        label={t('board.verdictForm.followUp')}
        name="followUp"
        checked={followUp}
        onChange={(event) => setFollowUp(event.target.checked)}
        shortcut="F"
      />
      <TextAreaField
        label={t('board.verdictForm.summary')}
        optional
        className={styles.summary}
        name="summary"
        rows={2}
        maxLength={4000}
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
      />
      <Hint id={`${id}-keys`}>{t('board.verdictForm.keys')}</Hint>
      <ErrorNotice error={record.error} />
      {record.data instanceof Queued && <Notice tone="info">{t('outbox.queuedNotice')}</Notice>}
      <Button
        type="submit"
        variant="primary"
        pending={record.isPending}
        pendingLabel={t('board.verdictForm.submitting')}
        data-testid="verdict-submit"
      >
        {t('board.verdictForm.submit')}
      </Button>
    </form>
  );
}
