import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  createContext,
  useContext,
  useId,
} from 'react';
import { useTranslation } from 'react-i18next';
import styles from './Field.module.css';
import { cx } from './cx';

/** What a control inside a `Field` needs to be tied to its label, hint and error. */
interface FieldControl {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

const FieldContext = createContext<FieldControl | null>(null);

/** The control's wiring: from the surrounding `Field`, else its own id. */
function useControl(id: string | undefined): Partial<FieldControl> {
  return useContext(FieldContext) ?? (id ? { id } : {});
}

export interface FieldProps {
  label: ReactNode;
  /** Shown under the control and read with it by screen readers. */
  hint?: ReactNode;
  /** Shown under the control in red, read with it, and marks it invalid. */
  error?: ReactNode;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
  /** The label only for screen readers (the control explains itself on screen). */
  hideLabel?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * A label, the control (a `TextInput`, `Select`, `TextArea`, or any control
 * reading `useFieldControl`), a hint and an error: the label names the
 * control, the hint and error are its description (`aria-describedby`) and
 * an error sets `aria-invalid`.
 */
export function Field({ label, hint, error, optional, hideLabel, className, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const control: FieldControl = {
    id,
    'aria-describedby': described || undefined,
    'aria-invalid': error ? true : undefined,
  };
  return (
    <div className={cx(styles.field, className)}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : styles.label}>
        {label}
        {optional && <OptionalMark />}
      </label>
      <FieldContext value={control}>{children}</FieldContext>
      {hint && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}

function OptionalMark() {
  const { t } = useTranslation();
  return <span className={styles.optional}> ({t('common.optional')})</span>;
}

/** The ids and ARIA attributes of the control inside the nearest `Field`, for custom controls. */
export function useFieldControl(): FieldControl | null {
  return useContext(FieldContext);
}

type Size = { compact?: boolean };

export type TextInputProps = InputHTMLAttributes<HTMLInputElement> & Size & { ref?: Ref<HTMLInputElement> };

/** A text, number, date or file input with the kit's look. */
export function TextInput({ compact, className, id, ...input }: TextInputProps) {
  const control = useControl(id);
  return (
    <input
      className={cx(styles.control, compact && styles.compact, input.type === 'file' && styles.file, className)}
      {...control}
      {...input}
    />
  );
}

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & Size & { ref?: Ref<HTMLSelectElement> };

/** A select with the kit's look. */
export function Select({ compact, className, id, children, ...select }: SelectProps) {
  const control = useControl(id);
  return (
    <select className={cx(styles.control, compact && styles.compact, className)} {...control} {...select}>
      {children}
    </select>
  );
}

export type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  /** Monospaced, for code and pasted lists. */
  code?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
};

/** A multi-line text box that grows downwards only. */
export function TextArea({ code, className, id, ...area }: TextAreaProps) {
  const control = useControl(id);
  return (
    <textarea className={cx(styles.control, styles.textarea, code && styles.code, className)} {...control} {...area} />
  );
}

type Labelled = Pick<FieldProps, 'label' | 'hint' | 'error' | 'optional' | 'hideLabel'> & { fieldClassName?: string };

function fieldProps({ label, hint, error, optional, hideLabel, fieldClassName }: Labelled) {
  return { label, hint, error, optional, hideLabel, className: fieldClassName };
}

/** `Field` + `TextInput`, the common case. */
export function TextField({
  label,
  hint,
  error,
  optional,
  hideLabel,
  fieldClassName,
  ...input
}: TextInputProps & Labelled) {
  return (
    <Field {...fieldProps({ label, hint, error, optional, hideLabel, fieldClassName })}>
      <TextInput {...input} />
    </Field>
  );
}

/** `Field` + `Select`. */
export function SelectField({
  label,
  hint,
  error,
  optional,
  hideLabel,
  fieldClassName,
  ...select
}: SelectProps & Labelled) {
  return (
    <Field {...fieldProps({ label, hint, error, optional, hideLabel, fieldClassName })}>
      <Select {...select} />
    </Field>
  );
}

/** `Field` + `TextArea`. */
export function TextAreaField({
  label,
  hint,
  error,
  optional,
  hideLabel,
  fieldClassName,
  ...area
}: TextAreaProps & Labelled) {
  return (
    <Field {...fieldProps({ label, hint, error, optional, hideLabel, fieldClassName })}>
      <TextArea {...area} />
    </Field>
  );
}

/**
 * A group of checkboxes or radios with a visible legend (`legend`), and an
 * error for the whole group. `plain` drops the frame.
 */
export function Fieldset({
  legend,
  error,
  compact,
  plain,
  hideLegend,
  className,
  disabled,
  describedBy,
  children,
}: {
  legend: ReactNode;
  error?: ReactNode;
  compact?: boolean;
  plain?: boolean;
  hideLegend?: boolean;
  className?: string;
  disabled?: boolean;
  describedBy?: string | undefined;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset
      className={cx(styles.fieldset, compact && styles.fieldsetCompact, plain && styles.fieldsetPlain, className)}
      disabled={disabled}
      aria-describedby={[describedBy, error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend className={hideLegend ? 'visually-hidden' : styles.label}>{legend}</legend>
      {children}
      {error && (
        <p id={`${id}-error`} className={cx(styles.error, styles.fieldsetError)}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The error's detail in the server's words, after the translated sentence ("(Not a phone number)"). */
export function FieldDetail({ children }: { children: ReactNode }) {
  return (
    <span className={styles.detail} lang="en">
      {' '}
      ({children})
    </span>
  );
}

/** A form's fields stacked with even space; `tight` for forms inside a panel. */
export function formClass(tight?: boolean): string {
  return cx(styles.form, tight && styles.formTight);
}

/** Fields side by side, wrapping to the next line when the space runs out. */
export function FormRow({ children }: { children: ReactNode }) {
  return <div className={styles.row}>{children}</div>;
}

/** The buttons at the end of a form, in a row. */
export function FormActions({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cx(styles.actions, className)}>{children}</div>;
}

/** A hint outside any field (a form's own explanation), in the hint's look. */
export function Hint({ id, children, role }: { id?: string; children: ReactNode; role?: 'status' }) {
  return (
    <p id={id} className={styles.hint} role={role}>
      {children}
    </p>
  );
}

/** An error outside any field, in the field error's look. */
export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className={styles.error} role="alert">
      {children}
    </p>
  );
}
