import { type Operation, can } from '@actionday/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { useFormat, zoneLabel } from '../../app/format';
import { useMe } from '../../app/session';
import { ZoneSwitcher } from '../../app/ZoneSwitcher';
import { OperationStatusBadge } from '../operations/OperationStatusBadge';
import { useOperation } from '../operations/operations.api';
import { clockState, countdown, splitDuration, useNow } from './clock';
import styles from './OperationClock.module.css';

/** "2 h 05 min", "3 d 4 h", "< 1 min". */
export function durationText(t: TFunction, ms: number): string {
  const { days, hours, minutes } = splitDuration(ms);
  if (days > 0) return t('phase.duration.days', { days, hours });
  if (hours > 0) return t('phase.duration.hours', { hours, minutes: String(minutes).padStart(2, '0') });
  if (minutes > 0) return t('phase.duration.minutes', { minutes });
  return t('phase.duration.lessThanMinute');
}

/** The phase and the time left: "Live · ends in 3 h 12 min", "Planned · starts in 2 d 4 h", "Closed". */
export function OperationClock({
  operation,
}: {
  operation: Pick<Operation, 'startsAt' | 'endsAt' | 'status' | 'timeZone'>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(15_000);
  const state = clockState(operation, now);
  const text =
    state.kind === 'before'
      ? t('phase.startsIn', { duration: durationText(t, state.ms) })
      : state.kind === 'due'
        ? t('phase.notStarted', { time: format.time(state.since, operation.timeZone) })
        : state.kind === 'early'
          ? t('phase.startedEarly', { duration: durationText(t, state.ms) })
          : state.kind === 'running'
            ? t('phase.endsIn', { duration: durationText(t, state.ms) })
            : state.kind === 'ended'
              ? t('phase.ended')
              : t('phase.closedNote');
  return (
    <span
      className={styles.clock}
      data-testid="operation-clock"
      data-phase={operation.status}
      title={t('phase.window', {
        range: format.range(operation.startsAt, operation.endsAt, operation.timeZone),
        zone: operation.timeZone,
      })}
    >
      <OperationStatusBadge status={operation.status} />
      <span>{text}</span>
    </span>
  );
}

/** The wall's clock: phase, the time now in the operation's zone (named), and the countdown to the end. */
export function WallClock({
  operation,
}: {
  operation: Pick<Operation, 'startsAt' | 'endsAt' | 'status' | 'timeZone'>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(1000);
  const state = clockState(operation, now);
  const nowIso = new Date(now).toISOString();
  return (
    <div className={styles.wallClock} data-testid="wall-clock" data-phase={operation.status}>
      <span className={operation.status === 'live' ? `${styles.phase} ${styles.phaseLive}` : styles.phase}>
        {t(`operationStatus.${operation.status}`)}
      </span>
      <span className={styles.now}>
        <time dateTime={nowIso}>{format.clock(nowIso, operation.timeZone)}</time>{' '}
        <span className={styles.zone}>{zoneLabel(new Date(now), operation.timeZone, format.language)}</span>
      </span>
      <span className={styles.left}>
        {state.kind === 'before' && (
          <>
            <span className={styles.caption}>{t('wall.startsIn')}</span>{' '}
            <span className={styles.count}>{countdown(state.ms)}</span>
          </>
        )}
        {state.kind === 'due' && <span className={styles.caption}>{t('wall.notStarted')}</span>}
        {(state.kind === 'running' || state.kind === 'early') && (
          <>
            <span className={styles.caption}>
              {state.kind === 'early' ? `${t('wall.startedEarly')} · ` : ''}
              {t('wall.timeLeft')}
            </span>{' '}
            <span className={styles.count}>{countdown(state.ms)}</span>
          </>
        )}
        {state.kind === 'ended' && <span className={styles.caption}>{t('phase.ended')}</span>}
        {state.kind === 'closed' && <span className={styles.caption}>{t('phase.closedNote')}</span>}
      </span>
    </div>
  );
}

/**
 * For the app header on every operation screen: the phase and time left, and
 * the links between the board, the dashboard and the wall.
 */
export function OperationHeaderSlot() {
  const match = useMatch('/operations/:operationId/*');
  const me = useMe();
  const operationId = match?.params.operationId;
  if (!operationId || !me.data) return null;
  return <HeaderClock operationId={operationId} />;
}

function HeaderClock({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const operation = useOperation(operationId);
  if (!operation.data) return null;
  const observer = operation.data.me.role === 'observer';
  return (
    <span className={styles.slot}>
      <OperationClock operation={operation.data} />
      <ZoneSwitcher operationZone={operation.data.timeZone} />
      <nav className={styles.links} aria-label={t('dashboard.views')}>
        <Link to={`/operations/${operationId}`}>{observer ? t('dashboard.overview') : t('dashboard.board')}</Link>
        {!observer && (
          <Link to={`/operations/${operationId}/dashboard`} data-testid="dashboard-link">
            {t('dashboard.title')}
          </Link>
        )}
        {can(operation.data.me.role, 'finding.read') && (
          <>
            <Link to={`/operations/${operationId}/matches`}>{t('nav.matches')}</Link>
            <Link to={`/operations/${operationId}/graph`}>{t('nav.graph')}</Link>
          </>
        )}
        {can(operation.data.me.role, 'report.read') && (
          <Link to={`/operations/${operationId}/report`}>{t('nav.report')}</Link>
        )}
        <Link to={`/operations/${operationId}/wall`} data-testid="wall-link">
          {t('wall.title')}
        </Link>
      </nav>
    </span>
  );
}
