import { type Sighting, isServiceId, serviceOf } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { Badge } from '../../app/ui/Badge';
import { platformLink } from './links';
import styles from './MatchCard.module.css';

const serviceName = (service: string | null) => (service && isServiceId(service) ? serviceOf(service).name : service);

/**
 * Every place the value was seen, oldest first: a finding (country, platform, when; a link to its platform on
 * the board when the viewer may open it) or a reference list with its label. What the sharing rules keep from
 * the viewer is not there at all, so nothing is drawn for it.
 */
export function MatchSightings({ operationId, sightings }: { operationId: string; sightings: readonly Sighting[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ol className={styles.sightings} aria-label={t('matches.sightings', { count: sightings.length })}>
      {sightings.map((s) => (
        <li key={s.id} className={styles.sighting} data-testid="match-sighting" data-source={s.source}>
          <span className={styles.where}>
            {s.country && <strong>{format.country(s.country)}</strong>}
            {s.source === 'reference' ? (
              <span>
                {s.referenceList
                  ? t('matches.onList', { list: s.referenceList, label: s.referenceLabel ?? t('matches.noLabel') })
                  : t('matches.onAList')}
              </span>
            ) : s.platformId ? (
              <Link to={platformLink(operationId, s.platformId)}>{s.platformName ?? t('matches.platform')}</Link>
            ) : (
              <span className="muted">{t('matches.elsewhere')}</span>
            )}
            {s.mine && (
              <Badge shape="marker" tone="info">
                {t('matches.yours')}
              </Badge>
            )}
          </span>
          {s.value && (
            <span className="mono" translate="no">
              {s.value}
              {s.service && <span className="muted"> · {serviceName(s.service)}</span>}
            </span>
          )}
          {s.contact && !s.mine && (
            <span className="muted">
              {t('matches.contactLine', { name: s.contact.name, agency: s.contact.agency })}
            </span>
          )}
          <time className="muted" dateTime={s.at} title={format.dateTime(s.at)}>
            {format.time(s.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
