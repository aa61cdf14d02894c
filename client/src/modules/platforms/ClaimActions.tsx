import { type Participant, type Platform, can } from '@actionday/shared';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { Confirm } from '../../app/ui/Confirm';
import { Field, Select } from '../../app/ui/Field';
import { Queued } from '../../app/outbox/outbox';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import styles from './ClaimActions.module.css';
import { PlatformBadges } from './PlatformStatusBadge';
import { useAssignPlatform, useReleasePlatform, useReopenPlatform } from './platforms.api';

/** Gives a claim back to the pool (the holder, or a coordinator for anyone). */
export function ReleaseButton({ platform, compact }: { platform: Platform; compact?: boolean }) {
  const { t } = useTranslation();
  const release = useReleasePlatform(platform.operationId);
  return (
    <div className={styles.action}>
      <Button
        variant="ghost"
        size={compact ? 'sm' : 'md'}
        data-testid="release-button"
        pending={release.isPending}
        pendingLabel={t('board.releasing')}
        aria-label={t('board.releaseLabel', { name: platform.name })}
        onClick={() => release.mutate(platform.id)}
      >
        {t('board.release')}
      </Button>
      <ErrorNotice error={release.error} />
      {release.data instanceof Queued && <Notice tone="info">{t('outbox.queuedNotice')}</Notice>}
    </div>
  );
}

/**
 * A coordinator gives the platform to a participant who may hold claims,
 * named with country and agency, with how many claims each holds already.
 */
export function AssignControl({
  platform,
  participants,
  openClaims,
  claimLimit,
}: {
  platform: Platform;
  participants: readonly Participant[];
  openClaims: ReadonlyMap<string, number>;
  claimLimit: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const assign = useAssignPlatform(platform.operationId);
  const [chosen, setChosen] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const holders = useMemo(() => {
    const collator = new Intl.Collator(format.language);
    return participants
      .filter((p) => can(p.role, 'platform.claim'))
      .map((p) => ({ ...p, countryName: format.country(p.country) }))
      .sort((a, b) => collator.compare(a.countryName, b.countryName) || collator.compare(a.name, b.name));
  }, [participants, format]);
  const reassign = platform.status === 'claimed';

  return (
    <form
      className={styles.assign}
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        setDone(null);
        assign.mutate(
          { platformId: platform.id, participantId: chosen },
          {
            onSuccess: () => {
              setDone(holders.find((p) => p.id === chosen)?.name ?? '');
              setChosen('');
            },
          },
        );
      }}
    >
      <h4 id={`${id}-title`} className={styles.subtitle}>
        {reassign ? t('board.assign.reassignTitle') : t('board.assign.title')}
      </h4>
      <div className={styles.assignRow}>
        <Field label={t('board.assign.participant')} hideLabel>
          <Select
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
            data-testid="assign-select"
            required
          >
            <option value="">{t('board.assign.choose')}</option>
            {holders.map((p) => {
              const open = openClaims.get(p.id) ?? 0;
              const isHolder = reassign && platform.claimedBy === p.id;
              return (
                <option key={p.id} value={p.id} disabled={isHolder}>
                  {t('board.assign.option', {
                    name: p.name,
                    country: p.countryName,
                    agency: p.agency,
                    open,
                    limit: claimLimit,
                  })}
                  {isHolder
                    ? ` · ${t('board.assign.current')}`
                    : open >= claimLimit
                      ? ` · ${t('board.assign.full')}`
                      : ''}
                </option>
              );
            })}
          </Select>
        </Field>
        <Button type="submit" disabled={!chosen} pending={assign.isPending} pendingLabel={t('board.assign.submitting')}>
          {reassign ? t('board.assign.reassign') : t('board.assign.submit')}
        </Button>
      </div>
      <ErrorNotice error={assign.error} />
      {done !== null && !assign.isPending && !assign.error && (
        <Notice tone="success">{t('board.assign.done', { name: done })}</Notice>
      )}
    </form>
  );
}

/** A coordinator sends a checked platform back to the pool, after a confirmation that says what is lost. */
export function ReopenControl({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  const reopen = useReopenPlatform(platform.operationId);
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <div className={styles.action}>
        <Button variant="ghost" data-testid="reopen-button" onClick={() => setConfirming(true)}>
          {t('board.reopen.button')}
        </Button>
      </div>
    );
  }
  return (
    <Confirm
      question={t('board.reopen.question', { name: platform.name })}
      confirmLabel={t('board.reopen.confirm')}
      pendingLabel={t('board.reopen.submitting')}
      cancelLabel={t('board.reopen.cancel')}
      pending={reopen.isPending}
      error={reopen.error}
      focus="confirm"
      confirmTestId="reopen-confirm"
      onConfirm={() => reopen.mutate(platform.id, { onSuccess: () => setConfirming(false) })}
      onCancel={() => setConfirming(false)}
    >
      <p>
        {t('board.reopen.effect')} <PlatformBadges platform={platform} />
      </p>
    </Confirm>
  );
}
