import {
  type CreateFinding,
  type FindingCreated,
  type IdentifierKind,
  type Platform,
  exploitationTypes,
  identifierKinds,
  identifierResults,
  referralStatuses,
  suspectRoles,
} from '@actionday/shared';
import { type FormEvent, type Ref, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../app/ui/Field';
import { ErrorNotice } from '../../app/ui/Notice';
import type { OperationDetail } from '../operations/operations.api';
import {
  HandlingSelect,
  NationalitySelect,
  NoteField,
  TagsFieldset,
  oneOf,
  submitOnEnter,
  tagsOf,
  textOf,
  useFieldMessages,
} from './fields';
import { useLogFinding } from './findings.api';
import { guessIdentifierKind } from './guess';

export interface LogFormProps {
  operation: OperationDetail;
  platform: Platform;
  /** Called after the server stored the finding, with a short sentence saying what was logged. */
  onLogged: (created: FindingCreated, summary: string) => void;
  formRef?: Ref<HTMLFormElement>;
}

/** Puts the cursor in the form's first field, ready for the next entry. */
export function focusFirstField(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[data-first]')?.focus();
}

/** Submits one finding; on success the form is emptied and the cursor goes back to its first field. */
function useLog(operation: OperationDetail, onLogged: LogFormProps['onLogged']) {
  const log = useLogFinding(operation.id);
  const messages = useFieldMessages(log.error);
  const submit = (
    event: FormEvent<HTMLFormElement>,
    build: (data: FormData) => { body: CreateFinding; summary: string } | null,
  ) => {
    event.preventDefault();
    const form = event.currentTarget;
    const built = build(new FormData(form));
    if (!built || log.isPending) return;
    log.mutate(built.body, {
      onSuccess: (created) => {
        form.reset();
        focusFirstField(form);
        onLogged(created, built.summary);
      },
      // the cursor goes to the first field the server refused (it is marked once rendered)
      onError: () => requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
    });
  };
  /** Typing again clears the previous refusal. */
  const onChange = () => {
    if (log.isError) log.reset();
  };
  return { log, messages, submit, onChange };
}

/** The fields every kind shares, after the kind's own. */
function CommonFields({
  operation,
  platform,
  messages,
}: {
  operation: OperationDetail;
  platform: Platform;
  messages: ReturnType<typeof useFieldMessages>;
}) {
  return (
    <>
      <div className="form-row">
        <NoteField error={messages.forField('note')} />
        <HandlingSelect defaultValue={operation.defaultHandling} />
      </div>
      <TagsFieldset focusTags={operation.focusTags} checked={platform.tags} error={messages.forField('tags')} />
    </>
  );
}

function SubmitRow({
  pending,
  label,
  error,
  unplaced,
}: {
  pending: boolean;
  label: string;
  error: unknown;
  unplaced: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {unplaced && <ErrorNotice error={error} />}
      <div className="quick-log__submit">
        <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
          {pending ? t('findings.form.logging') : label}
        </button>
        <span className="muted quick-log__enter" aria-hidden="true">
          {t('findings.form.enterHint')}
        </span>
      </div>
    </>
  );
}

/** A suspect: aliases or names, identity established or not, nationality, a guess at their role. */
export function SuspectForm({ operation, platform, onLogged, formRef }: LogFormProps) {
  const { t } = useTranslation();
  const { log, messages, submit, onChange } = useLog(operation, onLogged);
  return (
    <form
      ref={formRef}
      className="form quick-log__form"
      data-testid="log-suspect"
      aria-label={t('findings.kind.suspect')}
      onKeyDown={submitOnEnter}
      onChange={onChange}
      onSubmit={(event) =>
        submit(event, (data) => {
          const aliases = (textOf(data, 'aliases') ?? '')
            .split(/[,;\n]/)
            .map((a) => a.trim())
            .filter(Boolean);
          if (aliases.length === 0) return null;
          return {
            body: {
              kind: 'suspect',
              platformId: platform.id,
              aliases,
              identified: data.get('identified') === 'on',
              nationality: textOf(data, 'nationality'),
              role: oneOf(suspectRoles, textOf(data, 'role')),
              note: textOf(data, 'note'),
              handling: oneOf(['TLP:RED', 'TLP:AMBER', 'TLP:GREEN'] as const, textOf(data, 'handling')),
              tags: tagsOf(data, operation.focusTags),
            },
            summary: t('findings.logged.suspect', { name: aliases.join(', ') }),
          };
        })
      }
    >
      <div className="form-row">
        <TextField
          label={t('findings.field.aliases')}
          hint={t('findings.field.aliasesHint')}
          name="aliases"
          required
          maxLength={2000}
          autoComplete="off"
          spellCheck={false}
          data-first=""
          error={messages.forField('aliases')}
        />
        <NationalitySelect label={t('findings.field.nationality')} error={messages.forField('nationality')} />
        <SelectField label={t('findings.field.role')} name="role" defaultValue="" error={messages.forField('role')}>
          <option value="">{t('findings.field.unknown')}</option>
          {suspectRoles
            .filter((role) => role !== 'unknown')
            .map((role) => (
              <option key={role} value={role}>
                {t(`findings.suspectRole.${role}`)}
              </option>
            ))}
        </SelectField>
      </div>
      <label className="toggle">
        <input type="checkbox" name="identified" />
        <span>{t('findings.field.identified')}</span>
      </label>
      <CommonFields operation={operation} platform={platform} messages={messages} />
      <SubmitRow
        pending={log.isPending}
        label={t('findings.form.logSuspect')}
        error={log.error}
        unplaced={messages.unplaced}
      />
    </form>
  );
}

/** An identifier checked: its value first (the kind is guessed from it and can be changed), then the result. */
export function IdentifierForm({ operation, platform, onLogged, formRef }: LogFormProps) {
  const { t } = useTranslation();
  const { log, messages, submit, onChange } = useLog(operation, onLogged);
  const [kind, setKind] = useState<IdentifierKind>('username');
  const chosen = useRef(false);
  return (
    <form
      ref={formRef}
      className="form quick-log__form"
      data-testid="log-identifier"
      aria-label={t('findings.kind.identifier')}
      onKeyDown={submitOnEnter}
      onChange={onChange}
      onReset={() => {
        chosen.current = false;
      }}
      onSubmit={(event) =>
        submit(event, (data) => {
          const value = textOf(data, 'value');
          if (!value) return null;
          return {
            body: {
              kind: 'identifier',
              platformId: platform.id,
              identifierKind: kind,
              value,
              result: oneOf(identifierResults, textOf(data, 'result')),
              note: textOf(data, 'note'),
              handling: oneOf(['TLP:RED', 'TLP:AMBER', 'TLP:GREEN'] as const, textOf(data, 'handling')),
              tags: tagsOf(data, operation.focusTags),
            },
            summary: t('findings.logged.identifier', { kind: t(`findings.identifierKind.${kind}`), value }),
          };
        })
      }
    >
      <div className="form-row">
        <TextField
          label={t('findings.field.value')}
          hint={t('findings.field.valueHint')}
          name="value"
          required
          maxLength={500}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          data-first=""
          error={messages.forField('value')}
          onChange={(event) => {
            if (chosen.current) return;
            const guess = guessIdentifierKind(event.target.value);
            if (guess) setKind(guess);
          }}
        />
        <SelectField
          label={t('findings.field.identifierKind')}
          name="identifierKind"
          value={kind}
          error={messages.forField('identifierKind')}
          onChange={(event) => {
            chosen.current = true;
            setKind(oneOf(identifierKinds, event.target.value) ?? 'other');
          }}
        >
          {identifierKinds.map((k) => (
            <option key={k} value={k}>
              {t(`findings.identifierKind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('findings.field.result')}
          name="result"
          defaultValue="nothing_found"
          error={messages.forField('result')}
        >
          {identifierResults.map((result) => (
            <option key={result} value={result}>
              {t(`findings.identifierResult.${result}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <CommonFields operation={operation} platform={platform} messages={messages} />
      <SubmitRow
        pending={log.isPending}
        label={t('findings.form.logIdentifier')}
        error={log.error}
        unplaced={messages.unplaced}
      />
    </form>
  );
}

const minorChoices = ['', 'yes', 'no'] as const;

/** A possible victim, pseudonymous: a reference (never a name), nationality, minor or age, exploitation, referral. */
export function VictimForm({ operation, platform, onLogged, formRef }: LogFormProps) {
  const { t } = useTranslation();
  const { log, messages, submit, onChange } = useLog(operation, onLogged);
  return (
    <form
      ref={formRef}
      className="form quick-log__form"
      data-testid="log-victim"
      aria-label={t('findings.kind.victim')}
      onKeyDown={submitOnEnter}
      onChange={onChange}
      onSubmit={(event) =>
        submit(event, (data) => {
          const reference = textOf(data, 'reference');
          const exploitation = oneOf(exploitationTypes, textOf(data, 'exploitation'));
          if (!reference || !exploitation) return null;
          const minor = textOf(data, 'minor');
          const age = textOf(data, 'ageEstimate');
          return {
            body: {
              kind: 'victim',
              platformId: platform.id,
              reference,
              nationality: textOf(data, 'nationality'),
              minor: minor === 'yes' ? true : minor === 'no' ? false : undefined,
              ageEstimate: age === undefined ? undefined : Number(age),
              exploitation,
              referral: oneOf(referralStatuses, textOf(data, 'referral')),
              note: textOf(data, 'note'),
              handling: oneOf(['TLP:RED', 'TLP:AMBER', 'TLP:GREEN'] as const, textOf(data, 'handling')),
              tags: tagsOf(data, operation.focusTags),
            },
            summary: t('findings.logged.victim', { reference }),
          };
        })
      }
    >
      <div className="form-row">
        <TextField
          label={t('findings.field.reference')}
          hint={t('findings.field.referenceHint')}
          name="reference"
          required
          maxLength={80}
          autoComplete="off"
          spellCheck={false}
          data-first=""
          error={messages.forField('reference')}
        />
        <NationalitySelect label={t('findings.field.nationality')} error={messages.forField('nationality')} />
        <SelectField
          label={t('findings.field.exploitation')}
          name="exploitation"
          required
          defaultValue=""
          error={messages.forField('exploitation')}
        >
          <option value="" disabled>
            {t('findings.field.choose')}
          </option>
          {exploitationTypes.map((type) => (
            <option key={type} value={type}>
              {t(`findings.exploitation.${type}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        <SelectField label={t('findings.field.minor')} name="minor" defaultValue="" error={messages.forField('minor')}>
          {minorChoices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`findings.minor.${choice || 'unknown'}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('findings.field.ageEstimate')}
          name="ageEstimate"
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          step={1}
          error={messages.forField('ageEstimate')}
        />
        <SelectField
          label={t('findings.field.referral')}
          name="referral"
          defaultValue="not_referred"
          error={messages.forField('referral')}
        >
          {referralStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`findings.referral.${status}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <CommonFields operation={operation} platform={platform} messages={messages} />
      <SubmitRow
        pending={log.isPending}
        label={t('findings.form.logVictim')}
        error={log.error}
        unplaced={messages.unplaced}
      />
    </form>
  );
}
