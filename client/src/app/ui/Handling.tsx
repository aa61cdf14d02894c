import { type Handling, handlingCodes } from '@actionday/shared';
import { type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from './Badge';
import { SelectField } from './Field';

/** `TLP:RED` → `red`, for translation keys (i18next reads `:` as a namespace separator). */
export const handlingKey = (code: Handling) => code.slice(4).toLowerCase() as 'red' | 'amber' | 'green';

const handlingTones: Record<ReturnType<typeof handlingKey>, BadgeTone> = {
  red: 'danger',
  amber: 'warning',
  green: 'success',
};

/** A handling code as a small coloured label, with its word (never colour alone). */
export function HandlingBadge({ code }: { code: Handling }) {
  const { t } = useTranslation();
  const key = handlingKey(code);
  return (
    <Badge
      shape="square"
      small
      tone={handlingTones[key]}
      title={t(`findings.handling.${key}Hint`)}
      data-testid="handling-badge"
    >
      {code}
    </Badge>
  );
}

/** Picks a handling code (TLP:RED, AMBER, GREEN), each explained in a word. */
export function HandlingSelect({
  name = 'handling',
  defaultValue,
  value,
  onChange,
  label,
}: {
  name?: string;
  defaultValue?: Handling;
  value?: Handling;
  onChange?: (code: Handling) => void;
  label?: ReactNode;
}) {
  const { t } = useTranslation();
  const control =
    value === undefined
      ? { defaultValue }
      : {
          value,
          onChange: (event: ChangeEvent<HTMLSelectElement>) =>
            onChange?.(handlingCodes.find((c) => c === event.target.value) ?? value),
        };
  return (
    <SelectField label={label ?? t('findings.field.handling')} name={name} {...control}>
      {handlingCodes.map((code) => (
        <option key={code} value={code}>
          {code} — {t(`findings.handling.${handlingKey(code)}`)}
        </option>
      ))}
    </SelectField>
  );
}
