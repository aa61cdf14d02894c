import type { Finding, UpdateFinding } from '@actionday/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { FormActions, formClass } from '../../app/ui/Field';
import { ErrorNotice } from '../../app/ui/Notice';
import type { OperationDetail } from '../operations/operations.api';
import { submitOnEnter, useFieldMessages } from './fields';
import { useUpdateFinding } from './findings.api';
import { CommonFields, commonPatch, kindForms } from './forms';

/**
 * Changes the fields a finding of its kind may change, with the kind's form
 * (`kindForms`, the same as when logging); Enter saves, Escape cancels. The
 * version seen is sent along: a change someone made meanwhile is refused
 * (`findings.version_conflict`), not overwritten.
 */
export function FindingEditForm({
  finding,
  operation,
  onDone,
}: {
  finding: Finding;
  operation: OperationDetail;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateFinding();
  const messages = useFieldMessages(update.error);
  const form = useRef<HTMLFormElement>(null);
  const { Fields, patch } = kindForms[finding.kind];
  // the version the form opened on: a live change arriving meanwhile must not be overwritten unseen
  const [seenVersion] = useState(finding.version);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[data-first], input, select')?.focus();
  }, []);

  return (
    <form
      ref={form}
      className={formClass(true)}
      data-testid="edit-finding"
      aria-label={t('findings.item.editLabel', { kind: t(`findings.kind.${finding.kind}`) })}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          // handled here: the platform detail around must not close as well
          event.preventDefault();
          event.stopPropagation();
          onDone();
        } else submitOnEnter(event);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const change: UpdateFinding = {
          ...commonPatch(data, operation.focusTags),
          ...patch(data),
          version: seenVersion,
        };
        for (const key of Object.keys(change) as (keyof UpdateFinding)[])
          if (change[key] === undefined) delete change[key];
        update.mutate({ id: finding.id, patch: change }, { onSuccess: onDone });
      }}
    >
      <Fields mode="edit" finding={finding} messages={messages} />
      <CommonFields operation={operation} finding={finding} messages={messages} />
      {messages.unplaced && <ErrorNotice error={update.error} />}
      <FormActions>
        <Button type="submit" variant="primary" pending={update.isPending} pendingLabel={t('findings.item.saving')}>
          {t('findings.item.save')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('findings.item.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}
