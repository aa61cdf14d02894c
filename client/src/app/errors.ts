import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type ClientErrorCode, isApiError } from './api';

/**
 * The translated sentence for an error code. Codes the catalogues do not
 * know yet (the server may add some) fall back to a generic sentence.
 */
export function codeMessage(t: TFunction, code: ClientErrorCode): string {
  return t(`error.${code}`, { defaultValue: t('error.unknown') });
}

/** A translated, human sentence for any error. */
export function errorMessage(t: TFunction, error: unknown): string {
  return isApiError(error) ? codeMessage(t, error.code) : t('error.unknown');
}

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => errorMessage(t, error);
}
