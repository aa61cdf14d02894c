import { type Participant, platformCategories, platformStatuses } from '@actionday/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { SelectField, TextField } from '../../app/ui/Field';
import styles from './BoardFiltersBar.module.css';
import { type BoardFilters, isFiltered } from './filters';

interface Props {
  filters: BoardFilters;
  onChange: (change: Partial<BoardFilters>) => void;
  onClear: () => void;
  focusTags: readonly string[];
  /** Everyone who holds or checked a platform, to filter by. */
  claimants: readonly Participant[];
  canClaim: boolean;
}

/** Search, status, category, tag and claimant: all apply at once. */
export function BoardFiltersBar({ filters, onChange, onClear, focusTags, claimants, canClaim }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const people = useMemo(() => {
    const collator = new Intl.Collator(format.language);
    return [...claimants].sort((a, b) => collator.compare(a.name, b.name));
  }, [claimants, format.language]);
  // a tag in the address that the operation no longer has still shows as chosen
  const tags = filters.tag !== 'all' && !focusTags.includes(filters.tag) ? [...focusTags, filters.tag] : focusTags;

  return (
    <form
      className={styles.filters}
      role="search"
      aria-label={t('board.filters')}
      onSubmit={(event) => event.preventDefault()}
    >
      <TextField
        fieldClassName={styles.search}
        data-board-search
        label={t('board.search')}
        type="search"
        name="q"
        placeholder={t('board.searchPlaceholder')}
        value={filters.query}
        aria-keyshortcuts="/"
        onChange={(event) => onChange({ query: event.target.value })}
      />
      <SelectField
        label={t('board.status')}
        name="status"
        value={filters.status}
        onChange={(event) => onChange({ status: event.target.value as BoardFilters['status'] })}
      >
        <option value="all">{t('common.all')}</option>
        {platformStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('board.category')}
        name="category"
        value={filters.category}
        onChange={(event) => onChange({ category: event.target.value as BoardFilters['category'] })}
      >
        <option value="all">{t('common.all')}</option>
        {platformCategories.map((category) => (
          <option key={category} value={category}>
            {t(`category.${category}`)}
          </option>
        ))}
      </SelectField>
      {tags.length > 0 && (
        <SelectField
          label={t('board.tag')}
          name="tag"
          value={filters.tag}
          onChange={(event) => onChange({ tag: event.target.value })}
        >
          <option value="all">{t('common.all')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {format.focus(tag)}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label={t('board.claimant')}
        name="claimant"
        value={filters.claimant}
        onChange={(event) => onChange({ claimant: event.target.value })}
      >
        <option value="all">{t('board.claimantAll')}</option>
        {canClaim && <option value="me">{t('board.claimantMe')}</option>}
        <option value="none">{t('board.claimantNone')}</option>
        {people.length > 0 && (
          <optgroup label={t('board.claimantPeople')}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({format.country(p.country)})
              </option>
            ))}
          </optgroup>
        )}
        {filters.claimant !== 'all' &&
          filters.claimant !== 'me' &&
          filters.claimant !== 'none' &&
          !people.some((p) => p.id === filters.claimant) && (
            <option value={filters.claimant}>{t('claim.unknownClaimant')}</option>
          )}
      </SelectField>
      {isFiltered(filters) && (
        <Button variant="ghost" onClick={onClear}>
          {t('board.clearFilters')}
        </Button>
      )}
    </form>
  );
}
