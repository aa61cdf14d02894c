import type { Activity, Platform } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { useNow } from './clock';
import { actionKey } from './labels';
import styles from './lists.module.css';

/** The name of a platform the feed mentions, from the board's cache. */
type PlatformName = (id: string | null | undefined) => string | undefined;

export function platformNamer(platforms: readonly Platform[] | undefined): PlatformName {
  const names = new Map((platforms ?? []).map((p) => [p.id, p.name]));
  return (id) => (id ? names.get(id) : undefined);
}

/** Who did what, newest first: names, countries and actions, never the personal contents. */
export function ActivityFeed({
  activity,
  platformName,
}: {
  activity: readonly Activity[];
  platformName: PlatformName;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(30_000);
  if (activity.length === 0) return <p className="muted">{t('dashboard.activity.empty')}</p>;
  return (
    <ol className={`${styles.list} ${styles.scroll}`} data-testid="activity-feed">
      {activity.map((item) => {
        const platformId =
          item.targetType === 'platform'
            ? item.targetId
            : typeof item.details.platformId === 'string'
              ? item.details.platformId
              : null;
        const platform = platformName(platformId) ?? t('dashboard.activity.somePlatform');
        const kind = typeof item.details.kind === 'string' ? item.details.kind : '';
        const phase = typeof item.details.to === 'string' ? item.details.to : '';
        const count = typeof item.details.count === 'number' ? item.details.count : 1;
        const key = actionKey(item.action);
        const vars = {
          platform,
          kind:
            kind === 'suspect' || kind === 'identifier' || kind === 'victim' || kind === 'offer'
              ? t(`dashboard.activity.kinds.${kind}`)
              : t('dashboard.activity.kinds.other'),
          phase:
            phase === 'planned' || phase === 'briefing' || phase === 'live' || phase === 'debrief' || phase === 'closed'
              ? t(`operationStatus.${phase}`)
              : phase,
          count,
        };
        return (
          <li
            key={item.id}
            className={`${styles.item} ${styles.feedItem}`}
            data-testid="activity-item"
            data-action={item.action}
          >
            <time className={styles.time} dateTime={item.at} title={format.dateTime(item.at)}>
              {t('dashboard.activity.relative', {
                time: format.time(item.at),
                relative: format.relative(item.at, now),
              })}
            </time>
            {item.action === 'platform.expired' ? (
              <span>{t('dashboard.activity.expired', { platform })}</span>
            ) : (
              <span>
                <strong>{item.actor ? item.actor.name : t('dashboard.activity.system')}</strong>
                {item.actor?.country && <span className="muted"> ({format.country(item.actor.country)})</span>}{' '}
                {t(`dashboard.activity.actions.${key}`, vars)}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
