import { platformCategories, platformStatuses } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../app/ui/Field';
import { type BoardFilters, isFiltered } from './filters';

interface Props {
  filters: BoardFilters;
  onChange: (change: Partial<BoardFilters>) => void;
  onClear: () => void;
}

/** Status, category, search and "my platforms": all apply at once. */
export function BoardFiltersBar({ filters, onChange, onClear }: Props) {
  const { t } = useTranslation();
  return (
    <form className="filters" role="search" aria-label={t('board.filters')} onSubmit={(event) => event.preventDefault()}>
      <TextField
        label={t('board.search')}
        type="search"
        name="q"
        placeholder={t('board.searchPlaceholder')}
        value={filters.query}
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
      <label className="toggle">
        <input type="checkbox" name="mine" checked={filters.mine} onChange={(event) => onChange({ mine: event.target.checked })} />
        <span>{t('board.mine')}</span>
      </label>
      {isFiltered(filters) && (
        <button type="button" className="button button--ghost" onClick={onClear}>
          {t('board.clearFilters')}
        </button>
      )}
    </form>
  );
}
