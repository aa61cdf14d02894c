import { type FindingKind, type Platform, can, findingKinds } from '@actionday/shared';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Loading } from '../../app/ui/Loading';
import { ErrorNotice } from '../../app/ui/Notice';
import type { OperationDetail } from '../operations/operations.api';
import { FindingItem } from './FindingItem';
import { QuickLog } from './QuickLog';
import { useFindings, useFindingsLive } from './findings.api';
import './findings.css';

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
      className="findings"
      aria-labelledby={`${id}-title`}
      data-testid="findings-panel"
      data-platform-id={platform.id}
    >
      <h3 id={`${id}-title`} className="findings__title">
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
  const names = useMemo(() => new Map(operation.participants.map((p) => [p.id, p.name])), [operation.participants]);
  const counts = useMemo(() => {
    const byKind: Record<FindingKind, number> = { suspect: 0, identifier: 0, victim: 0 };
    for (const finding of findings.data ?? []) byKind[finding.kind] += 1;
    return byKind;
  }, [findings.data]);

  if (findings.isPending) return <Loading label={t('findings.loading')} />;
  if (findings.isError) return <ErrorNotice error={findings.error} onRetry={() => void findings.refetch()} />;
  const list = findings.data;
  const shown = kind === 'all' ? list : list.filter((finding) => finding.kind === kind);
  return (
    <div className="finding-list-wrap">
      <div
        className="pills finding-filter"
        role="group"
        aria-label={t('findings.filterLabel')}
        data-testid="finding-counts"
      >
        <button type="button" className="pills__option" aria-pressed={kind === 'all'} onClick={() => setKind('all')}>
          {t('findings.filterAll')} <span className="pills__number">{format.number(list.length)}</span>
        </button>
        {findingKinds.map((k) => (
          <button key={k} type="button" className="pills__option" aria-pressed={kind === k} onClick={() => setKind(k)}>
            <span className="pills__number">{format.number(counts[k])}</span>{' '}
            {t(`findings.count.${k}`, { count: counts[k] })}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="empty">{t('findings.empty')}</p>
      ) : (
        <ul className="finding-list" aria-label={t('findings.listLabel', { name: platform.name })}>
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
}
