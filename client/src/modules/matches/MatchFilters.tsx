import { type MatchesQuery, identifierKinds, matchStatuses, matchStrengths } from '@actionday/shared';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { SelectField, TextField } from '../../app/ui/Field';
import styles from './MatchesPage.module.css';

/** Waits this long after the last keystroke before the search goes to the server. */
const SEARCH_DELAY_MS = 300;

/**
 * Filters by status, kind, strength and country, and a search on the value and the contacts' names; each is a
 * query parameter of the server's list (nothing is filtered here that the server did not answer).
 */
export function MatchFilters({
  query,
  countries,
  onChange,
}: {
  query: MatchesQuery;
  countries: readonly string[];
  onChange: (query: MatchesQuery) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState(query.q ?? '');
  useEffect(() => {
    if ((query.q ?? '') === search.trim()) return;
    const timer = setTimeout(() => onChange({ ...query, q: search.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, query, onChange]);
  const sortedCountries = useMemo(() => {
    const collator = new Intl.Collator(format.language);
    return [...countries].sort((a, b) => collator.compare(format.country(a), format.country(b)));
  }, [countries, format]);
  const pick = <K extends keyof MatchesQuery>(key: K, value: string) =>
    onChange({ ...query, [key]: value === 'all' ? undefined : value });

  return (
    <div role="search" className={styles.filters} aria-label={t('matches.filters')} data-testid="match-filters">
      <SelectField
        compact
        label={t('matches.filter.status')}
        name="status"
        value={query.status ?? 'all'}
        onChange={(event) => pick('status', event.target.value)}
      >
        <option value="all">{t('matches.filter.any')}</option>
        {matchStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`matches.status.${status}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        compact
        label={t('matches.filter.kind')}
        name="kind"
        value={query.kind ?? 'all'}
        onChange={(event) => pick('kind', event.target.value)}
      >
        <option value="all">{t('matches.filter.any')}</option>
        {identifierKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`findings.identifierKind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        compact
        label={t('matches.filter.strength')}
        name="strength"
        value={query.strength ?? 'all'}
        onChange={(event) => pick('strength', event.target.value)}
      >
        <option value="all">{t('matches.filter.any')}</option>
        {matchStrengths.map((strength) => (
          <option key={strength} value={strength}>
            {t(`matches.strength.${strength}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        compact
        label={t('matches.filter.country')}
        name="country"
        value={query.country ?? 'all'}
        onChange={(event) => pick('country', event.target.value)}
      >
        <option value="all">{t('matches.filter.anyCountry')}</option>
        {sortedCountries.map((code) => (
          <option key={code} value={code}>
            {format.country(code)}
          </option>
        ))}
      </SelectField>
      <TextField
        compact
        fieldClassName={styles.search}
        label={t('matches.filter.search')}
        type="search"
        name="q"
        maxLength={200}
        value={search}
        autoComplete="off"
        onChange={(event) => setSearch(event.target.value)}
      />
    </div>
  );
}
