import { type Platform, can } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../app/ui/Panel';
import { QueryView } from '../../app/ui/QueryView';
import type { OperationDetail } from '../operations/operations.api';
import { useLiaison, useLiaisonLive } from './liaison.api';
import styles from './Liaison.module.css';
import { LiaisonForm } from './LiaisonForm';
import { LiaisonItem } from './LiaisonItem';

/** The requests made to one platform, live, with the form to make another. */
export function LiaisonPanel({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  const { t } = useTranslation();
  const readable = can(operation.me.role, 'request.read');
  const requests = useLiaison(operation.id, readable);
  useLiaisonLive(operation.id);
  if (!readable) return null;
  return (
    <Panel title={t('liaison.panel.title')} data-testid="liaison-panel">
      <QueryView query={requests} loading={t('liaison.loading')}>
        {(list) => {
          const mine = list.filter((r) => r.platformId === platform.id);
          return mine.length === 0 ? (
            <p className="muted">{t('liaison.panel.none')}</p>
          ) : (
            <ul className={styles.list}>
              {mine.map((request) => (
                <LiaisonItem key={request.id} request={request} operation={operation} />
              ))}
            </ul>
          );
        }}
      </QueryView>
      {can(operation.me.role, 'request.create') && operation.status !== 'closed' && (
        <LiaisonForm operationId={operation.id} platformId={platform.id} />
      )}
    </Panel>
  );
}
