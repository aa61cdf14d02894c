import { type ReactNode, useMemo } from 'react';
import { countryCodes } from '../countries';
import { useFormat } from '../format';
import { SelectField } from './Field';

/** A country picker, names in the viewer's language, sorted by those names. */
export function CountrySelect({
  label,
  name,
  defaultValue,
}: {
  label: ReactNode;
  name: string;
  defaultValue?: string;
}) {
  const format = useFormat();
  const options = useMemo(() => {
    const collator = new Intl.Collator(format.language);
    return countryCodes
      .map((code) => ({ code, name: format.country(code) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [format]);
  return (
    <SelectField label={label} name={name} defaultValue={defaultValue} required>
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.name}
        </option>
      ))}
    </SelectField>
  );
}
