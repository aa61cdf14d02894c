import { can } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel, PanelGrid } from '../../app/ui/Panel';
import { Page } from '../../app/ui/Page';
import { ObserverView } from '../dashboard/ObserverView';
import { PlatformPanels } from '../findings/PlatformPanels';
import { OperationHits } from '../hits/OperationHits';
import { InviteForm } from '../invites/InviteForm';
import { NotesPanel } from '../notes/NotesPanel';
import { AddPlatformForm } from '../platforms/AddPlatformForm';
import { ImportPanel } from '../platforms/ImportPanel';
import { PlatformBoard } from '../platforms/PlatformBoard';
import { OperationGate } from './OperationGate';
import { OperationHeader } from './OperationHeader';
import type { OperationDetail } from './operations.api';
import styles from './operations.module.css';

/** One operation: its header, the coordination tools the role allows, and the live board. */
export function OperationPage() {
  return <OperationGate>{(detail) => <OperationView operation={detail} />}</OperationGate>;
}

function OperationView({ operation: detail }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const role = detail.me.role;
  // observers see aggregates only: figures, progress, counts per country, the clock
  if (role === 'observer') return <ObserverView operation={detail} />;
  const canInvite = can(role, 'invite.create');
  const canAdd = can(role, 'platform.create_discovered');
  const canImport = can(role, 'platform.import') && detail.status !== 'closed';

  return (
    <Page title={detail.name}>
      <OperationHeader operation={detail} />
      {can(role, 'report.read') && (
        <p className={styles.reportLink}>
          <Link to={`/operations/${detail.id}/report`} data-testid="report-link">
            {t('reports.link')} →
          </Link>
        </p>
      )}
      {(canInvite || canAdd || canImport) && (
        <PanelGrid label={t('operation.tools')}>
          {canInvite && (
            <Panel collapsible title={t('inviteForm.title')}>
              <InviteForm operation={detail} />
            </Panel>
          )}
          {canAdd && (
            <Panel
              collapsible
              title={can(role, 'platform.create') ? t('addPlatform.title') : t('addPlatform.discoveredTitle')}
            >
              <AddPlatformForm operation={detail} />
            </Panel>
          )}
          {canImport && (
            <Panel collapsible title={t('import.title')} span="row" data-testid="import-tool">
              <ImportPanel operation={detail} />
            </Panel>
          )}
        </PanelGrid>
      )}
      <OperationHits operation={detail} />
      {/* Other modules' panels for one platform (findings, hits, evidence) go in `renderDetail`: shown inside PlatformDetail. */}
      <PlatformBoard
        operation={detail}
        renderDetail={(platform) => <PlatformPanels operation={detail} platform={platform} />}
      />
      <NotesPanel operation={detail} />
    </Page>
  );
}
