import { type FindingKind, type Platform, can, findingKinds } from '@actionday/shared';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { useOutboxEntries } from '../../app/outbox/useOutbox';
import { EmptyState } from '../../app/ui/EmptyState';
import { Pill, PillNumber, Pills } from '../../app/ui/Pills';
import { QueryView } from '../../app/ui/QueryView';
import type { OperationDetail } from '../operations/operations.api';
import { FindingItem } from './FindingItem';
import { PendingFindingItem } from './PendingFindingItem';
import { QuickLog } from './QuickLog';
import { useFindings, useFindingsLive } from './findings.api';
import styles from './FindingsPanel.module.css';

/**
 * Everything found on one platform: quick logging for those who may log, and
 * the platform's findings, live. Not shown to roles that may not read
 * findings (observers); the server refuses them anyway.
 */
export function FindingsPanel({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  if (!can(operation.me.role, 'finding.read')) return null;
  return <AllowedFindingsPanel operation={operation} platform={platform} />;
}

function AllowedFindingsPanel({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  const { t } = useTranslation();
  const id = useId();
  const canLog = can(operation.me.role, 'finding.create');
  useFindingsLive(operation.id);

  return (
    <section
      className={styles.findings}
      aria-labelledby={`${id}-title`}
      data-testid="findings-panel"
      data-platform-id={platform.id}
    >
      <h3 id={`${id}-title`} className={styles.title}>
        {t('findings.title', { name: platform.name })}
      </h3>
      {canLog && <QuickLog key={platform.id} operation={operation} platform={platform} />}
      <FindingList operation={operation} platform={platform} />
    </section>
  );
}

function FindingList({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  const { t } = useTranslation();
  const format = useFormat();
  const findings = useFindings(operation.id, platform.id);
  const [kind, setKind] = useState<FindingKind | 'all'>('all');
  const outbox = useOutboxEntries();
  // this device's findings not yet on the server, newest first like the list
  const kept = useMemo(
    () => outbox.filter((entry) => entry.kind === 'finding' && entry.platformId === platform.id).toReversed(),
    [outbox, platform.id],
  );
  const names = useMemo(() => new Map(operation.participants.map((p) => [p.id, p.name])), [operation.participants]);
  const counts = useMemo(() => {
    const byKind: Record<FindingKind, number> = { suspect: 0, identifier: 0, victim: 0, offer: 0 };
    for (const finding of findings.data ?? []) byKind[finding.kind] += 1;
    return byKind;
  }, [findings.data]);

  return (
    <>
      {kept.length > 0 && (
        // shown whatever the list's state: offline, the list itself may not load
        <ul className={styles.list} aria-label={t('outbox.title')} data-testid="pending-findings">
          {kept.map((entry) => (
            <PendingFindingItem key={`outbox-${entry.seq}`} entry={entry} />
          ))}
        </ul>
      )}
      <QueryView query={findings} loading={t('findings.loading')}>
        {(list) => {
          const shown = kind === 'all' ? list : list.filter((finding) => finding.kind === kind);
          return (
            <div>
              <Pills label={t('findings.filterLabel')} className={styles.filter} data-testid="finding-counts">
                <Pill aria-pressed={kind === 'all'} onClick={() => setKind('all')}>
                  {t('findings.filterAll')} <PillNumber>{format.number(list.length)}</PillNumber>
                </Pill>
                {findingKinds.map((k) => (
                  <Pill key={k} aria-pressed={kind === k} onClick={() => setKind(k)}>
                    <PillNumber>{format.number(counts[k])}</PillNumber> {t(`findings.count.${k}`, { count: counts[k] })}
                  </Pill>
                ))}
              </Pills>
              {shown.length === 0 ? (
                <EmptyState>{t('findings.empty')}</EmptyState>
              ) : (
                <ul className={styles.list} aria-label={t('findings.listLabel', { name: platform.name })}>
                  {shown.map((finding) => (
                    <FindingItem
                      key={finding.id}
                      finding={finding}
                      operation={operation}
                      authorName={finding.redacted ? undefined : names.get(finding.authorId)}
                    />
                  ))}
                </ul>
              )}
            </div>
          );
        }}
      </QueryView>
    </>
  );
}
