import type { Match, MatchStatus } from '@actionday/shared';
import { type KeyboardEvent, memo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Checkbox } from '../../app/ui/Checkbox';
import { cx } from '../../app/ui/cx';
import { ContactList } from './ContactList';
import { DisclosureControls } from './DisclosureControls';
import { MatchSightings } from './MatchSightings';
import { MatchStatusBadge, MatchStrengthBadge } from './MatchBadges';
import { useResolveMatch } from './matches.api';
import styles from './MatchCard.module.css';
import { ResolveForm } from './ResolveForm';

export interface MatchCardProps {
  match: Match;
  canResolve: boolean;
  selected: boolean;
  onToggle: (id: string) => void;
  /** The card asked for in the address (a link from the board or the link chart). */
  highlighted: boolean;
}

const typing = (target: EventTarget) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * One match with its whole story: the value, how sure it is, its status, every sighting, whom to contact, the
 * resolution (note, who, when) and, for analysts, confirm / dismiss / reopen. Focused, it answers the keys
 * c (confirm), d (dismiss), o (reopen) and x (select). The version sent is the one on screen when the analyst
 * came to the card, so a change made meanwhile is refused rather than overwritten.
 */
export const MatchCard = memo(function MatchCard({
  match,
  canResolve,
  selected,
  onToggle,
  highlighted,
}: MatchCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const resolve = useResolveMatch();
  const [note, setNote] = useState('');
  const openedAt = useRef<number | null>(null);
  const mayResolve = canResolve && !match.redacted;

  const send = (status: MatchStatus) => {
    if (!mayResolve || resolve.isPending || status === match.status) return;
    const version = openedAt.current ?? match.version;
    resolve.mutate(
      { match, status, note: status === 'open' ? undefined : note.trim() || undefined, version },
      {
        // what is on screen now (the answer, or the match read again after a refusal) is what the next action refers to
        onSettled: () => {
          openedAt.current = null;
        },
        onSuccess: () => setNote(''),
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    const action = { c: 'confirmed', d: 'dismissed', o: 'open' } as const;
    const key = event.key.toLowerCase();
    if (key === 'x' && mayResolve) {
      event.preventDefault();
      onToggle(match.id);
    } else if (key in action && mayResolve) {
      event.preventDefault();
      send(action[key as keyof typeof action]);
    }
  };

  return (
    <li
      className={cx(styles.card, styles[match.status], highlighted && styles.highlighted)}
      tabIndex={0}
      aria-label={t('matches.cardLabel', {
        value: match.value ?? t('matches.aValue'),
        status: t(`matches.status.${match.status}`),
      })}
      data-testid="match-card"
      data-match-id={match.id}
      data-status={match.status}
      data-version={match.version}
      onKeyDown={onKeyDown}
      onFocus={() => {
        openedAt.current ??= match.version;
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) openedAt.current = null;
      }}
    >
      <div className={styles.head}>
        {mayResolve && (
          <Checkbox
            compact
            label={<span className="visually-hidden">{t('matches.select')}</span>}
            checked={selected}
            onChange={() => onToggle(match.id)}
            data-testid="match-select"
          />
        )}
        <span className={styles.value}>
          <span className={styles.kind}>{t(`findings.identifierKind.${match.identifierKind}`)}</span>{' '}
          <span className="mono" translate="no" data-testid="match-value">
            {match.value ?? t('matches.hiddenValue')}
          </span>
        </span>
        <span className={styles.badges}>
          <MatchStrengthBadge strength={match.strength} />
          <MatchStatusBadge status={match.status} />
        </span>
      </div>
      <p className={cx(styles.summary, 'muted')}>
        {match.redacted ? t('matches.redactedBody') : t('matches.seen', { count: match.sightings.length })}
        {match.countries.length > 0 && <> · {match.countries.map((c) => format.country(c)).join(', ')}</>}
        {' · '}
        <time dateTime={match.createdAt} title={format.dateTime(match.createdAt)}>
          {t('matches.since', { time: format.time(match.createdAt) })}
        </time>
      </p>
      <MatchSightings operationId={match.operationId} sightings={match.sightings} />
      {match.contacts.length > 0 && (
        <div className={styles.contacts}>
          <p className={styles.contactsTitle}>{match.redacted ? t('matches.contactYou') : t('matches.contacts')}</p>
          <ContactList contacts={match.contacts} />
        </div>
      )}
      {match.resolution && match.status !== 'open' && (
        <p className={styles.resolution} data-testid="match-resolution">
          {t(match.resolution.by ? 'matches.resolvedBy' : 'matches.resolvedAt', {
            status: t(`matches.status.${match.status}`),
            name: match.resolution.by ?? '',
            time: format.time(match.resolution.at),
          })}
          {match.resolution.note && (
            <>
              {' '}
              <q className={styles.resolutionNote} data-testid="match-note">
                {match.resolution.note}
              </q>
            </>
          )}
        </p>
      )}
      <DisclosureControls match={match} />
      {mayResolve && (
        <ResolveForm
          match={match}
          note={note}
          onNote={setNote}
          onResolve={send}
          pending={resolve.isPending}
          error={resolve.error}
        />
      )}
    </li>
  );
});
