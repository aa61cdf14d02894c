import {
  type Finding,
  type FindingView,
  type Handling,
  type UpdateFinding,
  can,
  exploitationTypes,
  identifierResults,
  referralStatuses,
  suspectRoles,
} from '@actionday/shared';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { SelectField, TextField } from '../../app/ui/Field';
import { ErrorNotice } from '../../app/ui/Notice';
import type { OperationDetail } from '../operations/operations.api';
import {
  HandlingBadge,
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
import { useDeleteFinding, useUpdateFinding } from './findings.api';

interface Props {
  finding: FindingView;
  operation: OperationDetail;
  authorName: string | undefined;
}

/** One finding in the platform's list: redacted as the sharing rules say, editable by its author or a coordinator. */
export const FindingItem = memo(function FindingItem({ finding, operation, authorName }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const editButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(0);
  const backToView = () => {
    setMode('view');
    setReturnFocus((n) => n + 1);
  };
  // the form or the question is gone: the cursor goes back where it came from
  useEffect(() => {
    if (returnFocus > 0) editButton.current?.focus();
  }, [returnFocus]);

  if (finding.redacted) {
    return (
      <li className="finding finding--redacted" data-testid="finding" data-kind={finding.kind} data-redacted="true">
        <p className="finding__redacted">
          {finding.kind === 'victim'
            ? t('findings.redacted.victim', { country: format.country(finding.country) })
            : t('findings.redacted.other', {
                kind: t(`findings.kind.${finding.kind}`),
                country: format.country(finding.country),
              })}
        </p>
        <p className="finding__meta muted">
          <time dateTime={finding.createdAt}>{format.time(finding.createdAt)}</time>
        </p>
      </li>
    );
  }

  const me = operation.me;
  const mayChange = finding.authorId === me.id || can(me.role, 'finding.manage');
  return (
    <li
      className={`finding finding--${finding.kind}`}
      data-testid="finding"
      data-kind={finding.kind}
      data-finding-id={finding.id}
    >
      {mode === 'edit' ? (
        <EditFinding finding={finding} operation={operation} onDone={backToView} />
      ) : (
        <>
          <div className="finding__main">
            <span className={`finding__kind finding__kind--${finding.kind}`}>{t(`findings.kind.${finding.kind}`)}</span>
            <FindingSummary finding={finding} />
            {mayChange && (
              <span className="finding__actions">
                <button
                  type="button"
                  ref={editButton}
                  className="button button--tight button--ghost"
                  onClick={() => setMode('edit')}
                >
                  {t('findings.item.edit')}
                </button>
                <button
                  type="button"
                  className="button button--tight button--ghost button--outline-danger"
                  onClick={() => setMode('confirm-delete')}
                >
                  {t('findings.item.delete')}
                </button>
              </span>
            )}
          </div>
          <p className="finding__meta muted">
            <HandlingBadge code={finding.handling as Handling} />
            {finding.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
            <span>
              {t('findings.item.by', {
                name: authorName ?? t('findings.item.someone'),
                country: format.country(finding.country),
              })}
              {' · '}
              <time dateTime={finding.createdAt} title={format.dateTime(finding.createdAt)}>
                {format.time(finding.createdAt)}
              </time>
              {finding.version > 1 && <> · {t('findings.item.edited')}</>}
            </span>
            {finding.late && <span className="marker">{t('findings.item.late')}</span>}
          </p>
          {mode === 'confirm-delete' && <ConfirmDelete finding={finding} onCancel={backToView} />}
        </>
      )}
    </li>
  );
});

/** The finding's own facts, in one or two lines. */
function FindingSummary({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facts: string[] = [];
  if (finding.kind === 'suspect') {
    if (finding.identified) facts.push(t('findings.item.identified'));
    if (finding.nationality) facts.push(format.country(finding.nationality));
    const role = oneOf(suspectRoles, finding.role ?? undefined);
    if (role) facts.push(t(`findings.suspectRole.${role}`));
    return (
      <div className="finding__body">
        <span className="finding__title">{(finding.aliases ?? []).join(', ')}</span>
        {facts.length > 0 && <span className="finding__facts">{facts.join(' · ')}</span>}
        {finding.note && <span className="finding__note">{finding.note}</span>}
      </div>
    );
  }
  if (finding.kind === 'identifier') {
    const result = oneOf(identifierResults, finding.result ?? undefined);
    return (
      <div className="finding__body">
        <span className="finding__title">
          <span className="finding__label">
            {finding.identifierKind ? t(`findings.identifierKind.${finding.identifierKind}`) : ''}
          </span>{' '}
          <span className="mono" translate="no">
            {finding.value}
          </span>
        </span>
        <span className="finding__facts">
          {finding.normalizedValue && finding.normalizedValue !== finding.value && (
            <span className="mono" translate="no">
              {finding.normalizedValue} ·{' '}
            </span>
          )}
          {result && t(`findings.identifierResult.${result}`)}
        </span>
        {finding.note && <span className="finding__note">{finding.note}</span>}
      </div>
    );
  }
  if (finding.nationality) facts.push(format.country(finding.nationality));
  if (finding.minor === true) facts.push(t('findings.item.minor'));
  if (finding.minor === false) facts.push(t('findings.item.adult'));
  if (finding.ageEstimate !== null) facts.push(t('findings.item.age', { age: finding.ageEstimate }));
  const exploitation = oneOf(exploitationTypes, finding.exploitation ?? undefined);
  if (exploitation) facts.push(t(`findings.exploitation.${exploitation}`));
  const referral = oneOf(referralStatuses, finding.referral ?? undefined);
  if (referral) facts.push(t(`findings.referral.${referral}`));
  return (
    <div className="finding__body">
      <span className="finding__title mono">{finding.reference}</span>
      <span className="finding__facts">{facts.join(' · ')}</span>
      {finding.note && <span className="finding__note">{finding.note}</span>}
    </div>
  );
}

/** "Delete this finding?" in place, with the cursor on Cancel (the safe choice). */
function ConfirmDelete({ finding, onCancel }: { finding: Finding; onCancel: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteFinding();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  return (
    <div
      className="finding__confirm"
      role="alertdialog"
      aria-label={t('findings.item.confirmDelete')}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // handled here: the platform detail around must not close as well
        event.preventDefault();
        onCancel();
      }}
    >
      <p>{t('findings.item.confirmDelete')}</p>
      <ErrorNotice error={remove.error} />
      <div className="finding__confirm-actions">
        <button
          type="button"
          className="button button--delete"
          disabled={remove.isPending}
          aria-busy={remove.isPending}
          onClick={() => remove.mutate(finding)}
        >
          {remove.isPending ? t('findings.item.deleting') : t('findings.item.deleteConfirm')}
        </button>
        <button type="button" ref={cancel} className="button button--ghost" onClick={onCancel}>
          {t('findings.item.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Changes the fields a finding of its kind may change; Enter saves, Escape cancels. */
function EditFinding({
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
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);

  return (
    <form
      ref={form}
      className="form finding__edit"
      data-testid="edit-finding"
      aria-label={t('findings.item.editLabel', { kind: t(`findings.kind.${finding.kind}`) })}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        } else submitOnEnter(event);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const patch: UpdateFinding = {
          note: textOf(data, 'note') ?? null,
          handling: oneOf(['TLP:RED', 'TLP:AMBER', 'TLP:GREEN'] as const, textOf(data, 'handling')),
          tags: tagsOf(data, operation.focusTags),
        };
        if (finding.kind === 'suspect') {
          const aliases = (textOf(data, 'aliases') ?? '')
            .split(/[,;\n]/)
            .map((a) => a.trim())
            .filter(Boolean);
          Object.assign(patch, {
            aliases,
            identified: data.get('identified') === 'on',
            nationality: textOf(data, 'nationality') ?? null,
            role: oneOf(suspectRoles, textOf(data, 'role')) ?? null,
          });
        } else if (finding.kind === 'identifier') {
          patch.result = oneOf(identifierResults, textOf(data, 'result'));
        } else {
          const minor = textOf(data, 'minor');
          const age = textOf(data, 'ageEstimate');
          Object.assign(patch, {
            nationality: textOf(data, 'nationality') ?? null,
            minor: minor === 'yes' ? true : minor === 'no' ? false : null,
            ageEstimate: age === undefined ? null : Number(age),
            exploitation: oneOf(exploitationTypes, textOf(data, 'exploitation')),
            referral: oneOf(referralStatuses, textOf(data, 'referral')),
          });
        }
        for (const key of Object.keys(patch) as (keyof UpdateFinding)[])
          if (patch[key] === undefined) delete patch[key];
        update.mutate({ id: finding.id, patch }, { onSuccess: onDone });
      }}
    >
      {finding.kind === 'suspect' && (
        <div className="form-row">
          <TextField
            label={t('findings.field.aliases')}
            name="aliases"
            required
            defaultValue={(finding.aliases ?? []).join(', ')}
            autoComplete="off"
            error={messages.forField('aliases')}
          />
          <NationalitySelect
            label={t('findings.field.nationality')}
            defaultValue={finding.nationality}
            error={messages.forField('nationality')}
          />
          <SelectField label={t('findings.field.role')} name="role" defaultValue={finding.role ?? ''}>
            <option value="">{t('findings.field.unknown')}</option>
            {suspectRoles
              .filter((role) => role !== 'unknown')
              .map((role) => (
                <option key={role} value={role}>
                  {t(`findings.suspectRole.${role}`)}
                </option>
              ))}
          </SelectField>
          <label className="toggle">
            <input type="checkbox" name="identified" defaultChecked={finding.identified ?? false} />
            <span>{t('findings.field.identified')}</span>
          </label>
        </div>
      )}
      {finding.kind === 'identifier' && (
        <div className="form-row">
          <SelectField
            label={t('findings.field.result')}
            name="result"
            defaultValue={finding.result ?? 'nothing_found'}
            error={messages.forField('result')}
          >
            {identifierResults.map((result) => (
              <option key={result} value={result}>
                {t(`findings.identifierResult.${result}`)}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {finding.kind === 'victim' && (
        <div className="form-row">
          <NationalitySelect
            label={t('findings.field.nationality')}
            defaultValue={finding.nationality}
            error={messages.forField('nationality')}
          />
          <SelectField
            label={t('findings.field.exploitation')}
            name="exploitation"
            defaultValue={finding.exploitation ?? 'other'}
          >
            {exploitationTypes.map((type) => (
              <option key={type} value={type}>
                {t(`findings.exploitation.${type}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('findings.field.minor')}
            name="minor"
            defaultValue={finding.minor === true ? 'yes' : finding.minor === false ? 'no' : ''}
          >
            <option value="">{t('findings.minor.unknown')}</option>
            <option value="yes">{t('findings.minor.yes')}</option>
            <option value="no">{t('findings.minor.no')}</option>
          </SelectField>
          <TextField
            label={t('findings.field.ageEstimate')}
            name="ageEstimate"
            type="number"
            min={0}
            max={120}
            defaultValue={finding.ageEstimate ?? ''}
            error={messages.forField('ageEstimate')}
          />
          <SelectField
            label={t('findings.field.referral')}
            name="referral"
            defaultValue={finding.referral ?? 'not_referred'}
          >
            {referralStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`findings.referral.${status}`)}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <div className="form-row">
        <NoteField defaultValue={finding.note} error={messages.forField('note')} />
        <HandlingSelect defaultValue={finding.handling as Handling} />
      </div>
      <TagsFieldset focusTags={operation.focusTags} checked={finding.tags} error={messages.forField('tags')} />
      {messages.unplaced && <ErrorNotice error={update.error} />}
      <div className="finding__confirm-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={update.isPending}
          aria-busy={update.isPending}
        >
          {update.isPending ? t('findings.item.saving') : t('findings.item.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('findings.item.cancel')}
        </button>
      </div>
    </form>
  );
}
