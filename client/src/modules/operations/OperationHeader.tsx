import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { Tag } from '../../app/ui/Badge';
import { Fact, Facts } from '../../app/ui/Facts';
import { OperationStatusBadge } from './OperationStatusBadge';
import { TimeWindow } from './TimeWindow';
import type { OperationDetail } from './operations.api';
import styles from './operations.module.css';

/** Name, phase, time window (in the operation's zone, named) and who I am in it. */
export function OperationHeader({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = operation.me;
  return (
    <header className={styles.header}>
      <nav aria-label={t('nav.main')} className={styles.breadcrumb}>
        <Link to="/">← {t('operation.back')}</Link>
      </nav>
      <div className={styles.title}>
        <h1>{operation.name}</h1>
        <OperationStatusBadge status={operation.status} />
      </div>
      <Facts flush>
        <Fact label={t('operation.window')}>
          <TimeWindow startsAt={operation.startsAt} endsAt={operation.endsAt} timeZone={operation.timeZone} />
        </Fact>
        <Fact label={t('operation.you')}>
          {t('operation.youAre', {
            role: t(`role.${me.role}`),
            agency: me.agency,
            country: format.country(me.country),
          })}
          <span className="muted"> · {t('operation.participants', { count: operation.participants.length })}</span>
        </Fact>
        {operation.focusTags.length > 0 && (
          <Fact label={t('operation.focusTags')}>
            {operation.focusTags.map((tag) => (
              <Tag key={tag}>{format.focus(tag)}</Tag>
            ))}
          </Fact>
        )}
      </Facts>
    </header>
  );
}
