import { type LiaisonRequest, can, liaisonKinds, liaisonStates } from '@actionday/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Checkbox } from '../../app/ui/Checkbox';
import { SelectField } from '../../app/ui/Field';
import { Notice } from '../../app/ui/Notice';
import { Page } from '../../app/ui/Page';
import { Panel } from '../../app/ui/Panel';
import { QueryView } from '../../app/ui/QueryView';
import { OperationGate } from '../operations/OperationGate';
import type { OperationDetail } from '../operations/operations.api';
import { useLiaison, useLiaisonLive } from './liaison.api';
import styles from './Liaison.module.css';
import { LiaisonItem } from './LiaisonItem';

/** `/operations/:operationId/requests`: every request to a platform, live, filtered by kind, state and legal route. */
export function LiaisonPage() {
  return <OperationGate>{(detail) => <LiaisonForOperation operation={detail} />}</OperationGate>;
}

type Filter = { kind: string; state: string; legal: boolean };
const passes = (r: LiaisonRequest, f: Filter) =>
  (!f.kind || r.kind === f.kind) && (!f.state || r.state === f.state) && (!f.legal || r.legalRequestNeeded);

function LiaisonForOperation({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const readable = can(operation.me.role, 'request.read');
  const requests = useLiaison(operation.id, readable);
  useLiaisonLive(operation.id);
  const [filter, setFilter] = useState<Filter>({ kind: '', state: '', legal: false });
  if (!readable) return <Notice tone="info">{t('liaison.page.notForRole')}</Notice>;
  return (
    <Page title={t('liaison.page.title')}>
      <Link to={`/operations/${operation.id}`}>← {operation.name}</Link>
      <h1>{t('liaison.page.title')}</h1>
      <Panel title={t('liaison.page.filters')}>
        <div className={styles.filters}>
          <SelectField
            label={t('liaison.form.kind')}
            value={filter.kind}
            onChange={(event) => setFilter({ ...filter, kind: event.target.value })}
          >
            <option value="">{t('liaison.page.any')}</option>
            {liaisonKinds.map((k) => (
              <option key={k} value={k}>
                {t(`liaison.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('liaison.page.state')}
            value={filter.state}
            onChange={(event) => setFilter({ ...filter, state: event.target.value })}
          >
            <option value="">{t('liaison.page.any')}</option>
            {liaisonStates.map((s) => (
              <option key={s} value={s}>
                {t(`liaison.state.${s}`)}
              </option>
            ))}
          </SelectField>
          <Checkbox
            label={t('liaison.legalRequestNeeded')}
            checked={filter.legal}
            onChange={(event) => setFilter({ ...filter, legal: event.target.checked })}
          />
        </div>
      </Panel>
      <QueryView query={requests} loading={t('liaison.loading')}>
        {(list) => {
          const shown = list.filter((r) => passes(r, filter));
          return shown.length === 0 ? (
            <p className="muted">{t('liaison.page.none')}</p>
          ) : (
            <ul className={styles.list} data-testid="requests">
              {shown.map((request) => (
                <LiaisonItem key={request.id} request={request} operation={operation} />
              ))}
            </ul>
          );
        }}
      </QueryView>
    </Page>
  );
}
