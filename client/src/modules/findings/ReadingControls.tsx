import type { IdentifierKind, ReadAs, ReadResult, ServiceId } from '@actionday/shared';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryCodes } from '../../app/countries';
import { useFormat } from '../../app/format';
import { SelectField } from '../../app/ui/Field';
import type { useReader } from './reading';

type Reader = NonNullable<ReturnType<typeof useReader>>;

/** Kinds whose reading depends on a service: a handle, or a profile address that may be one. */
export const serviceKinds: readonly IdentifierKind[] = ['username', 'profile_url'];

/**
 * The network a handle belongs to: the one recognised from the value or the platform until the
 * person picks another; "no known service" matches the handle on every service, as a possible match.
 */
export function ServiceSelect({
  reader,
  choice,
  recognised,
  onChange,
  compact,
  hideLabel,
}: {
  reader: Reader;
  choice: ServiceId | 'none' | null;
  recognised: ServiceId | null;
  onChange: (service: ServiceId | 'none') => void;
  compact?: boolean;
  hideLabel?: boolean;
}) {
  const { t } = useTranslation();
  const value = choice === 'none' ? '' : (choice ?? recognised ?? '');
  return (
    <SelectField
      label={t('findings.reading.service')}
      hideLabel={hideLabel}
      compact={compact}
      name="service"
      value={value}
      onChange={(event) => {
        const picked = reader.services.find((service) => service.id === event.target.value);
        onChange(picked ? picked.id : 'none');
      }}
    >
      <option value="">{t('findings.reading.noService')}</option>
      {reader.services.map((service) => (
        <option key={service.id} value={service.id} translate="no">
          {service.name}
        </option>
      ))}
    </SelectField>
  );
}

/** The region a national number is read in: automatic (the platform's country, the ad's language, one's own) or one picked. */
export function RegionSelect({
  value,
  onChange,
  compact,
  hideLabel,
}: {
  value: string | null;
  onChange: (region: string | null) => void;
  compact?: boolean;
  hideLabel?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const options = useMemo(() => {
    const collator = new Intl.Collator(format.language);
    return countryCodes
      .map((code) => ({ code, name: format.country(code) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [format]);
  return (
    <SelectField
      label={t('findings.reading.region')}
      hideLabel={hideLabel}
      compact={compact}
      name="region"
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value || null)}
    >
      <option value="">{t('findings.reading.regionAuto')}</option>
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.name}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * What a value was (or will be) read as, in the person's words: "Read as +49 151 23456789
 * (Germany), the number of your country", "Read as Telegram @katya", or "Not recognised: …".
 */
export function readingSentence(
  t: TFunction,
  country: (code: string) => string,
  raw: string,
  result: ReadResult,
): { text: string; recognised: boolean } {
  if (!result.ok)
    return { text: t('findings.reading.notRecognised', { raw, reason: result.message }), recognised: false };
  const { reading } = result;
  if (reading.readAs) return { text: phoneSentence(t, country, reading.readAs), recognised: true };
  const text =
    reading.strength === 'possible'
      ? t('findings.reading.readAsPossible', { value: reading.display })
      : t('findings.reading.readAs', { value: reading.display });
  return { text, recognised: true };
}

/** "Read as +49 151 23456789 (Germany), the number of your country." */
export function phoneSentence(t: TFunction, country: (code: string) => string, readAs: ReadAs): string {
  const number = readAs.international;
  const basis = t(`findings.reading.basis.${readAs.basis}`);
  return readAs.region
    ? t('findings.reading.readAsPhone', { number, country: country(readAs.region), basis })
    : t('findings.reading.readAsPhoneGlobal', { number, basis });
}
