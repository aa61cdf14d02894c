import { type KeyboardEvent, type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryCodes } from '../../app/countries';
import { codeMessage, parseError } from '../../app/errors';
import { useFormat } from '../../app/format';
import { Checkbox } from '../../app/ui/Checkbox';
import { FieldDetail, Fieldset, SelectField, TextField } from '../../app/ui/Field';

/** An optional country: "Unknown" first, then every country by its name in the viewer's language. */
export function NationalitySelect({
  name = 'nationality',
  label,
  defaultValue,
  error,
}: {
  name?: string;
  label: ReactNode;
  defaultValue?: string | null | undefined;
  error?: ReactNode;
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
    <SelectField label={label} name={name} defaultValue={defaultValue ?? ''} error={error}>
      <option value="">{t('findings.field.unknown')}</option>
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.name}
        </option>
      ))}
    </SelectField>
  );
}

/** The operation's focus tags as checkboxes, ticked by default as given. */
export function TagsFieldset({
  focusTags,
  checked,
  error,
}: {
  focusTags: readonly string[];
  checked: readonly string[];
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (focusTags.length === 0) return null;
  return (
    <Fieldset legend={t('findings.field.tags')} compact error={error}>
      {focusTags.map((tag) => (
        <Checkbox
          key={tag}
          compact
          label={format.focus(tag)}
          name="tags"
          value={tag}
          defaultChecked={checked.includes(tag)}
        />
      ))}
    </Fieldset>
  );
}

/** The free note every finding may carry (one line, so Enter still submits). */
export function NoteField({ defaultValue, error }: { defaultValue?: string | null; error?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('findings.field.note')}
      name="note"
      maxLength={4000}
      autoComplete="off"
      defaultValue={defaultValue ?? ''}
      error={error}
    />
  );
}

/** What a form shows beside each field the server refused. */
export interface FieldMessages {
  forField: (name: string) => ReactNode | undefined;
  /** The refusal named no field of this form: it is shown for the whole form. */
  unplaced: boolean;
}

/**
 * The message to show beside each field the server refused, in the viewer's
 * language, with the server's own words after it; and whether the error
 * named no field (then it is shown for the whole form).
 */
export function useFieldMessages(error: unknown): FieldMessages {
  const { t } = useTranslation();
  const parsed = useMemo(() => (error ? parseError(error) : null), [error]);
  return {
    forField: (name) => {
      const detail = parsed?.fieldErrors[name];
      if (!parsed || detail === undefined) return undefined;
      const sentence =
        parsed.code === 'request.invalid' ? t('findings.form.invalidField') : codeMessage(t, parsed.code);
      return (
        <>
          {sentence}
          {detail && detail !== sentence && <FieldDetail>{detail}</FieldDetail>}
        </>
      );
    },
    unplaced: !!parsed && Object.keys(parsed.fieldErrors).length === 0,
  };
}

/** Reads a form: trimmed text of a field, or undefined when empty. */
export function textOf(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  const text = typeof value === 'string' ? value.trim() : '';
  return text || undefined;
}

/** The checked focus tags, or undefined when the operation has none (the server then takes the platform's). */
export function tagsOf(data: FormData, focusTags: readonly string[]): string[] | undefined {
  if (focusTags.length === 0) return undefined;
  return data.getAll('tags').filter((tag): tag is string => typeof tag === 'string');
}

export function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Enter submits from a select too (browsers submit only from text inputs). */
export function submitOnEnter(event: KeyboardEvent<HTMLFormElement>): void {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox')) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
}
