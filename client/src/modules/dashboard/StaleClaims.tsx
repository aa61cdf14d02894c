import { type Participant, type Platform, can } from '@actionday/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { Field, Select } from '../../app/ui/Field';
import { ErrorNotice } from '../../app/ui/Notice';
import styles from './lists.module.css';
import { useAssignPlatform, useReleasePlatform } from '../platforms/platforms.api';
import { staleClaims } from './dashboard.logic';
import { durationText } from './OperationClock';

interface Props {
  operationId: string;
  platforms: readonly Platform[];
  participants: readonly Participant[];
  claimTimeoutMinutes: number;
  now: number;
  canManage: boolean;
}

/** Stale claims needing attention, with release and reassign for coordinators. */
export function StaleClaims({ operationId, platforms, participants, claimTimeoutMinutes, now, canManage }: Props) {
  const { t } = useTranslation();
  const stale = useMemo(() => staleClaims(platforms, claimTimeoutMinutes, now), [platforms, claimTimeoutMinutes, now]);
  const release = useReleasePlatform(operationId);
  const assign = useAssignPlatform(operationId);
  const byId = useMemo(() => new Map(participants.map((p) => [p.id, p])), [participants]);

  return (
    <>
      <p className="muted">{t('dashboard.stale.rule', { count: Math.round(claimTimeoutMinutes / 2) })}</p>
      {stale.length === 0 ? (
        <p className={styles.none}>{t('dashboard.stale.none')}</p>
      ) : (
        <ul className={styles.list} data-testid="stale-claims">
          {stale.map(({ platform, idleMs }) => (
            <StaleClaim
              key={platform.id}
              platform={platform}
              idleMs={idleMs}
              holder={platform.claimedBy ? byId.get(platform.claimedBy) : undefined}
              participants={participants}
              canManage={canManage}
              busy={
                (release.isPending && release.variables === platform.id) ||
                (assign.isPending && assign.variables?.platformId === platform.id)
              }
              onRelease={() => release.mutate(platform.id)}
              onAssign={(participantId) => assign.mutate({ platformId: platform.id, participantId })}
            />
          ))}
        </ul>
      )}
      <ErrorNotice error={release.error ?? assign.error} />
    </>
  );
}

function StaleClaim(props: {
  platform: Platform;
  idleMs: number;
  holder: Participant | undefined;
  participants: readonly Participant[];
  canManage: boolean;
  busy: boolean;
  onRelease: () => void;
  onAssign: (participantId: string) => void;
}) {
  const { platform, idleMs, holder, participants, canManage, busy, onRelease, onAssign } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const [to, setTo] = useState('');
  const candidates = participants.filter((p) => can(p.role, 'platform.claim') && p.id !== platform.claimedBy);
  return (
    <li className={`${styles.item} ${styles.staleItem}`} data-testid="stale-claim" data-platform-id={platform.id}>
      <div>
        <strong>{platform.name}</strong>
        <span className="muted">
          {' '}
          · {holder ? `${holder.name} (${format.country(holder.country)})` : t('dashboard.online.someone')} ·{' '}
          {t('dashboard.stale.idle', { duration: durationText(t, idleMs) })}
        </span>
      </div>
      {canManage && (
        <div className={styles.actions}>
          <Button size="sm" disabled={busy} onClick={onRelease}>
            {t('dashboard.stale.release')}
          </Button>
          <Field label={t('dashboard.stale.assignTo')} hideLabel>
            <Select compact value={to} onChange={(event) => setTo(event.target.value)}>
              <option value="">{t('dashboard.stale.assignTo')}</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({format.country(p.country)})
                </option>
              ))}
            </Select>
          </Field>
          <Button size="sm" disabled={busy || !to} onClick={() => onAssign(to)}>
            {t('dashboard.stale.assign')}
          </Button>
        </div>
      )}
    </li>
  );
}
