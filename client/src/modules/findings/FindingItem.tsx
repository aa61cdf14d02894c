import {
  type Finding,
  type FindingView,
  type Handling,
  can,
  exploitationTypes,
  identifierResults,
  referralStatuses,
  suspectRoles,
} from '@actionday/shared';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Badge, Tag } from '../../app/ui/Badge';
import { Button } from '../../app/ui/Button';
import { Confirm } from '../../app/ui/Confirm';
import { cx } from '../../app/ui/cx';
import { FindingMatchMark } from '../matches/FindingMatchMark';
import type { OperationDetail } from '../operations/operations.api';
import styles from './FindingItem.module.css';
import { FindingEditForm } from './FindingEditForm';
import { HandlingBadge } from '../../app/ui/Handling';
import { oneOf } from './fields';
import { OfferSummary } from './OfferSummary';
import { useDeleteFinding } from './findings.api';

interface Props {
  finding: FindingView;
  operation: OperationDetail;
  authorName: string | undefined;
}

const kindClass = {
  suspect: styles.kindSuspect,
  identifier: styles.kindIdentifier,
  victim: styles.kindVictim,
  offer: styles.kindOffer,
};

/** One finding in the platform's list: redacted as the sharing rules say, editable by its author or a coordinator. */
export const FindingItem = memo(function FindingItem({ finding, operation, authorName }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const editButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(0);
  const backToView = () => {
    setMode('view');
    setReturnFocus((n) => n + 1);
  };
  // the form or the question is gone: the cursor goes back where it came from
  useEffect(() => {
    if (returnFocus > 0) editButton.current?.focus();
  }, [returnFocus]);

  if (finding.redacted) {
    return (
      <li
        className={cx(styles.finding, styles.redacted)}
        data-testid="finding"
        data-kind={finding.kind}
        data-redacted="true"
      >
        <p className={styles.redactedText}>
          {finding.kind === 'victim'
            ? t('findings.redacted.victim', { country: format.country(finding.country) })
            : t('findings.redacted.other', {
                kind: t(`findings.kind.${finding.kind}`),
                country: format.country(finding.country),
              })}
        </p>
        <p className={cx(styles.meta, 'muted')}>
          <time dateTime={finding.createdAt}>{format.time(finding.createdAt)}</time>
        </p>
      </li>
    );
  }

  const me = operation.me;
  const mayChange = finding.authorId === me.id || can(me.role, 'finding.manage');
  return (
    <li
      className={cx(styles.finding, styles[finding.kind])}
      data-testid="finding"
      data-kind={finding.kind}
      data-finding-id={finding.id}
    >
      {mode === 'edit' ? (
        <FindingEditForm finding={finding} operation={operation} onDone={backToView} />
      ) : (
        <>
          <div className={styles.main}>
            <span className={cx(styles.kind, kindClass[finding.kind])}>{t(`findings.kind.${finding.kind}`)}</span>
            <FindingSummary finding={finding} />
            {mayChange && (
              <span className={styles.actions}>
                <Button ref={editButton} size="xs" variant="ghost" onClick={() => setMode('edit')}>
                  {t('findings.item.edit')}
                </Button>
                <Button size="xs" variant="dangerOutline" onClick={() => setMode('confirm-delete')}>
                  {t('findings.item.delete')}
                </Button>
              </span>
            )}
          </div>
          <p className={cx(styles.meta, 'muted')}>
            <HandlingBadge code={finding.handling as Handling} />
            {finding.tags.map((tag) => (
              <Tag key={tag}>{format.focus(tag)}</Tag>
            ))}
            <span>
              {t('findings.item.by', {
                name: authorName ?? t('findings.item.someone'),
                country: format.country(finding.country),
              })}
              {' · '}
              <time dateTime={finding.createdAt} title={format.dateTime(finding.createdAt)}>
                {format.time(finding.createdAt)}
              </time>
              {finding.version > 1 && <> · {t('findings.item.edited')}</>}
            </span>
            {finding.late && <Badge shape="marker">{t('findings.item.late')}</Badge>}
            {(finding.kind === 'identifier' || finding.kind === 'offer') && (
              <FindingMatchMark operationId={finding.operationId} findingId={finding.id} listed={finding.matches} />
            )}
          </p>
          {mode === 'confirm-delete' && <ConfirmDelete finding={finding} onCancel={backToView} />}
        </>
      )}
    </li>
  );
});

/** The finding's own facts, in one or two lines. */
function FindingSummary({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facts: string[] = [];
  if (finding.kind === 'suspect') {
    if (finding.identified) facts.push(t('findings.item.identified'));
    if (finding.nationality) facts.push(format.country(finding.nationality));
    const role = oneOf(suspectRoles, finding.role ?? undefined);
    if (role) facts.push(t(`findings.suspectRole.${role}`));
    return (
      <div className={styles.body}>
        <span className={styles.title}>{(finding.aliases ?? []).join(', ')}</span>
        {facts.length > 0 && <span className={styles.facts}>{facts.join(' · ')}</span>}
        {finding.note && <span className={styles.note}>{finding.note}</span>}
      </div>
    );
  }
  if (finding.kind === 'identifier') {
    const result = oneOf(identifierResults, finding.result ?? undefined);
    return (
      <div className={styles.body}>
        <span className={styles.title}>
          <span className={styles.label}>
            {finding.identifierKind ? t(`findings.identifierKind.${finding.identifierKind}`) : ''}
          </span>{' '}
          <span className="mono" translate="no">
            {finding.value}
          </span>
        </span>
        <span className={styles.facts}>
          {finding.normalizedValue && finding.normalizedValue !== finding.value && (
            <span className="mono" translate="no">
              {finding.normalizedValue} ·{' '}
            </span>
          )}
          {result && t(`findings.identifierResult.${result}`)}
        </span>
        {finding.note && <span className={styles.note}>{finding.note}</span>}
      </div>
    );
  }
  if (finding.kind === 'offer') return <OfferSummary finding={finding} />;
  if (finding.nationality) facts.push(format.country(finding.nationality));
  if (finding.minor === true) facts.push(t('findings.item.minor'));
  if (finding.minor === false) facts.push(t('findings.item.adult'));
  if (finding.ageEstimate !== null) facts.push(t('findings.item.age', { count: finding.ageEstimate }));
  const exploitation = oneOf(exploitationTypes, finding.exploitation ?? undefined);
  if (exploitation) facts.push(t(`findings.exploitation.${exploitation}`));
  const referral = oneOf(referralStatuses, finding.referral ?? undefined);
  if (referral) facts.push(t(`findings.referral.${referral}`));
  return (
    <div className={styles.body}>
      <span className={cx(styles.title, 'mono')}>{finding.reference}</span>
      <span className={styles.facts}>{facts.join(' · ')}</span>
      {finding.note && <span className={styles.note}>{finding.note}</span>}
    </div>
  );
}

/** "Delete this finding?" in place, with the cursor on Cancel (the safe choice). */
function ConfirmDelete({ finding, onCancel }: { finding: Finding; onCancel: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteFinding();
  return (
    <div className={styles.confirm}>
      <Confirm
        question={t('findings.item.confirmDelete')}
        confirmLabel={t('findings.item.deleteConfirm')}
        pendingLabel={t('findings.item.deleting')}
        cancelLabel={t('findings.item.cancel')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(finding)}
        onCancel={onCancel}
      />
    </div>
  );
}
