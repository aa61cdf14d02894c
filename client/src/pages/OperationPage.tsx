import type { Platform } from '@actionday/shared';
import { can } from '@actionday/shared';
import { Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../app/ui/Loading';
import { Panel, PanelGrid } from '../app/ui/Panel';
import { Page } from '../app/ui/Page';
import { OperationClock } from '../modules/dashboard/OperationClock';
import { OperationMatches } from '../modules/matches/OperationMatches';
import { NotesPanel } from '../modules/notes/NotesPanel';
import { PlatformBoard } from '../modules/platforms/PlatformBoard';
import { OperationGate } from '../modules/operations/OperationGate';
import { OperationHeader } from '../modules/operations/OperationHeader';
import type { OperationDetail } from '../modules/operations/operations.api';
import styles from './OperationPage.module.css';

// Not in the board's first load: the findings and evidence of a platform (fetched while the board is idle,
// so they are there when one is opened) and the coordination tools (fetched when their panel is opened).
const loadPanels = () => import('./PlatformPanels');
const PlatformPanels = lazy(async () => ({ default: (await loadPanels()).PlatformPanels }));
// observers get the aggregates view, which investigators never load (the board's budget)
const ObserverView = lazy(async () => ({ default: (await import('../modules/dashboard/ObserverView')).ObserverView }));
const InviteForm = lazy(async () => ({ default: (await import('../modules/invites/InviteForm')).InviteForm }));
const AddPlatformForm = lazy(async () => ({
  default: (await import('../modules/platforms/AddPlatformForm')).AddPlatformForm,
}));
const ImportPanel = lazy(async () => ({ default: (await import('../modules/platforms/ImportPanel')).ImportPanel }));

/** Starts loading the platform panels once the board is up and the browser has nothing else to do. */
function usePrefetchPanels(): void {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1500));
    const handle = idle(() => void loadPanels());
    return () => (window.cancelIdleCallback ?? window.clearTimeout)(handle);
  }, []);
}

/** A platform's findings and evidence, inside its open detail. */
function DetailPanels({ operation, platform }: { operation: OperationDetail; platform: Platform }) {
  return (
    <Suspense fallback={<Loading />}>
      <PlatformPanels operation={operation} platform={platform} />
    </Suspense>
  );
}

/** One operation: its header, the coordination tools the role allows, and the live board. */
export function OperationPage() {
  return <OperationGate>{(detail) => <OperationView operation={detail} />}</OperationGate>;
}

function OperationView({ operation: detail }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  usePrefetchPanels();
  const role = detail.me.role;
  // observers see aggregates only: figures, progress, counts per country, the clock
  if (role === 'observer')
    return (
      <Suspense fallback={<Loading />}>
        <ObserverView operation={detail} />
      </Suspense>
    );
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
              <Suspense fallback={<Loading />}>
                <InviteForm operation={detail} />
              </Suspense>
            </Panel>
          )}
          {canAdd && (
            <Panel
              collapsible
              title={can(role, 'platform.create') ? t('addPlatform.title') : t('addPlatform.discoveredTitle')}
            >
              <Suspense fallback={<Loading />}>
                <AddPlatformForm operation={detail} />
              </Suspense>
            </Panel>
          )}
          {canImport && (
            <Panel collapsible title={t('import.title')} span="row" data-testid="import-tool">
              <Suspense fallback={<Loading />}>
                <ImportPanel operation={detail} />
              </Suspense>
            </Panel>
          )}
        </PanelGrid>
      )}
      <OperationMatches operation={detail} />
      {/* Other modules' panels for one platform (findings, evidence) go in `renderDetail`: shown inside PlatformDetail. */}
      <PlatformBoard
        operation={detail}
        renderDetail={(platform) => <DetailPanels operation={detail} platform={platform} />}
        status={<OperationClock operation={detail} />}
      />
      <NotesPanel operation={detail} />
    </Page>
  );
}
