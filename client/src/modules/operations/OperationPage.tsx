import { can } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../app/ui/Page';
import { ObserverView } from '../dashboard/ObserverView';
import { PlatformPanels } from '../findings/PlatformPanels';
import { OperationHits } from '../hits/OperationHits';
import { InviteForm } from '../invites/InviteForm';
import { NotesPanel } from '../notes/NotesPanel';
import { AddPlatformForm } from '../platforms/AddPlatformForm';
import { ImportPanel } from '../platforms/ImportPanel';
import { PlatformBoard } from '../platforms/PlatformBoard';
import { OperationHeader } from './OperationHeader';
import { OperationGate } from './OperationGate';
import type { OperationDetail } from './operations.api';

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
        <p className="report-link">
          <Link to={`/operations/${detail.id}/report`} data-testid="report-link">
            {t('reports.link')} →
          </Link>
        </p>
      )}
      {(canInvite || canAdd || canImport) && (
        <section className="tools" aria-label={t('operation.tools')}>
          {canInvite && (
            <details className="panel">
              <summary>{t('inviteForm.title')}</summary>
              <InviteForm operation={detail} />
            </details>
          )}
          {canAdd && (
            <details className="panel">
              <summary>
                {can(role, 'platform.create') ? t('addPlatform.title') : t('addPlatform.discoveredTitle')}
              </summary>
              <AddPlatformForm operation={detail} />
            </details>
          )}
          {canImport && (
            <details className="panel panel--wide" data-testid="import-tool">
              <summary>{t('import.title')}</summary>
              <ImportPanel operation={detail} />
            </details>
          )}
        </section>
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
