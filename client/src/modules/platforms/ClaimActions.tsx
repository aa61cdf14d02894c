import { type Participant, type Platform, can } from '@actionday/shared';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { PlatformBadges } from './PlatformStatusBadge';
import { useAssignPlatform, useReleasePlatform, useReopenPlatform } from './platforms.api';

/** Gives a claim back to the pool (the holder, or a coordinator for anyone). */
export function ReleaseButton({ platform, compact }: { platform: Platform; compact?: boolean }) {
  const { t } = useTranslation();
  const release = useReleasePlatform(platform.operationId);
  return (
    <div className="action">
      <button
        type="button"
        className={`button button--ghost${compact ? ' button--small' : ''}`}
        data-testid="release-button"
        disabled={release.isPending}
        aria-busy={release.isPending}
        aria-label={t('board.releaseLabel', { name: platform.name })}
        onClick={() => release.mutate(platform.id)}
      >
        {release.isPending ? t('board.releasing') : t('board.release')}
      </button>
      <ErrorNotice error={release.error} />
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
      className="assign"
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
      <h4 id={`${id}-title`} className="detail__subtitle">
        {reassign ? t('board.assign.reassignTitle') : t('board.assign.title')}
      </h4>
      <div className="assign__row">
        <label className="visually-hidden" htmlFor={`${id}-who`}>
          {t('board.assign.participant')}
        </label>
        <select
          id={`${id}-who`}
          className="input"
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
        </select>
        <button type="submit" className="button" disabled={!chosen || assign.isPending} aria-busy={assign.isPending}>
          {assign.isPending
            ? t('board.assign.submitting')
            : reassign
              ? t('board.assign.reassign')
              : t('board.assign.submit')}
        </button>
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
  const confirmButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <div className="action">
        <button
          type="button"
          className="button button--ghost"
          data-testid="reopen-button"
          onClick={() => setConfirming(true)}
        >
          {t('board.reopen.button')}
        </button>
      </div>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={`${id}-question`} aria-describedby={`${id}-effect`}>
      <p id={`${id}-question`} className="confirm__question">
        {t('board.reopen.question', { name: platform.name })}
      </p>
      <p id={`${id}-effect`}>
        {t('board.reopen.effect')} <PlatformBadges platform={platform} />
      </p>
      <ErrorNotice error={reopen.error} />
      <div className="confirm__buttons">
        <button
          ref={confirmButton}
          type="button"
          className="button button--danger"
          data-testid="reopen-confirm"
          disabled={reopen.isPending}
          aria-busy={reopen.isPending}
          onClick={() => reopen.mutate(platform.id, { onSuccess: () => setConfirming(false) })}
        >
          {reopen.isPending ? t('board.reopen.submitting') : t('board.reopen.confirm')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => setConfirming(false)}
          disabled={reopen.isPending}
        >
          {t('board.reopen.cancel')}
        </button>
      </div>
    </div>
  );
}
