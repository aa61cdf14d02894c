import { useTranslation } from 'react-i18next';
import styles from './Loading.module.css';

/** A quiet loading line (announced to screen readers). */
export function Loading({ label }: { label?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <p className={styles.loading} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** While a page's code is on its way (the routes load when first opened); `wall` in the wall's black. */
export function PageLoading({ wall }: { wall?: boolean }) {
  const { t } = useTranslation();
  if (wall) {
    return (
      <div className={styles.wall} role="status" data-testid="page-loading">
        {t('common.loading')}
      </div>
    );
  }
  return (
    <div className={styles.page} data-testid="page-loading">
      <Loading label={t('common.loadingPage')} />
    </div>
  );
}
