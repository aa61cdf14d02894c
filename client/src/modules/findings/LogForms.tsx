import type { CreateFinding, FindingCreated, FindingKind, Platform } from '@actionday/shared';
import { type FormEvent, type Ref, useId } from 'react';
import type { Queued } from '../../app/outbox/outbox';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { FormActions, formClass } from '../../app/ui/Field';
import { ErrorNotice } from '../../app/ui/Notice';
import type { OperationDetail } from '../operations/operations.api';
import { submitOnEnter, useFieldMessages } from './fields';
import { useLogFinding } from './findings.api';
import { CommonFields, kindForms, readCommon } from './forms';
import styles from './QuickLog.module.css';

export interface LogFormProps {
  kind: FindingKind;
  operation: OperationDetail;
  platform: Platform;
  /** Called after the server stored the finding (or the outbox kept it: `Queued`), with a sentence saying what. */
  onLogged: (created: FindingCreated | Queued, summary: string) => void;
  formRef?: Ref<HTMLFormElement>;
}

/** Puts the cursor in the form's first field, ready for the next entry. */
export function focusFirstField(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[data-first]')?.focus();
}

const submitLabels = {
  suspect: 'findings.form.logSuspect',
  identifier: 'findings.form.logIdentifier',
  victim: 'findings.form.logVictim',
  offer: 'findings.form.logOffer',
} as const;

/**
 * Logs one finding of a kind, with the kind's fields (`kindForms`, the same
 * as when editing). Enter logs; on success the form is emptied and the
 * cursor goes back to its first field; a refusal marks the fields it names.
 */
export function LogForm({ kind, operation, platform, onLogged, formRef }: LogFormProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const log = useLogFinding(operation.id);
  const messages = useFieldMessages(log.error);
  const { Fields, create, summary } = kindForms[kind];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = create(data);
    if (!body || log.isPending) return;
    const finding = { ...body, ...readCommon(data, operation.focusTags), platformId: platform.id } as CreateFinding;
    log.mutate(finding, {
      onSuccess: (created) => {
        form.reset();
        focusFirstField(form);
        onLogged(created, summary(t, body, 'finding' in created ? created.finding : undefined));
      },
      // the cursor goes to the first field the server refused (it is marked once rendered)
      onError: () => requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
    });
  };

  return (
    <form
      ref={formRef}
      className={formClass(true)}
      data-testid={`log-${kind}`}
      aria-label={t(`findings.kind.${kind}`)}
      aria-describedby={hintId}
      onKeyDown={submitOnEnter}
      // typing again clears the previous refusal
      onChange={() => {
        if (log.isError) log.reset();
      }}
      onSubmit={submit}
    >
      <Fields mode="create" messages={messages} place={{ platform, ownCountry: operation.me.country }} />
      <CommonFields operation={operation} platform={platform} messages={messages} />
      {messages.unplaced && <ErrorNotice error={log.error} />}
      <FormActions>
        <Button type="submit" variant="primary" pending={log.isPending} pendingLabel={t('findings.form.logging')}>
          {t(submitLabels[kind])}
        </Button>
        <span id={hintId} className={`muted ${styles.enter}`}>
          {t('findings.form.enterHint')}
        </span>
      </FormActions>
    </form>
  );
}
