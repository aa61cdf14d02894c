import { type LiaisonKind, liaisonKinds } from '@actionday/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseError } from '../../app/errors';
import { Button } from '../../app/ui/Button';
import { Checkbox } from '../../app/ui/Checkbox';
import { FormActions, FormRow, SelectField, TextField, formClass } from '../../app/ui/Field';
import { ErrorNotice } from '../../app/ui/Notice';
import { useCreateLiaison } from './liaison.api';

/** Asks the platform for something: take a post down, keep it, tell who is behind it; a draft, or sent at once. */
export function LiaisonForm({ operationId, platformId }: { operationId: string; platformId: string }) {
  const { t } = useTranslation();
  const create = useCreateLiaison(operationId);
  const [kind, setKind] = useState<LiaisonKind>('takedown');
  const refusal = create.error ? parseError(create.error) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
    };
    const contentUrl = text('contentUrl');
    const platformReference = text('platformReference');
    const note = text('note');
    create.mutate(
      {
        platformId,
        kind,
        legalRequestNeeded: data.get('legalRequestNeeded') === 'on',
        state: data.get('sendNow') === 'on' ? 'sent' : 'draft',
        ...(contentUrl ? { contentUrl } : {}),
        ...(platformReference ? { platformReference } : {}),
        ...(note ? { note } : {}),
      },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <form className={formClass(true)} onSubmit={submit} data-testid="request-form" aria-label={t('liaison.form.title')}>
      <FormRow>
        <SelectField
          label={t('liaison.form.kind')}
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as LiaisonKind)}
        >
          {liaisonKinds.map((k) => (
            <option key={k} value={k}>
              {t(`liaison.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('liaison.form.contentUrl')}
          hint={t('liaison.form.contentUrlHint')}
          name="contentUrl"
          type="url"
          maxLength={2000}
          autoComplete="off"
          spellCheck={false}
          error={refusal?.fieldErrors.contentUrl}
        />
        <TextField
          label={t('liaison.form.platformReference')}
          name="platformReference"
          maxLength={120}
          autoComplete="off"
        />
      </FormRow>
      <TextField label={t('liaison.form.note')} name="note" maxLength={2000} autoComplete="off" />
      <Checkbox label={t('liaison.form.legalRequestNeeded')} name="legalRequestNeeded" />
      <Checkbox label={t('liaison.form.sendNow')} name="sendNow" />
      <ErrorNotice error={create.error} />
      <FormActions>
        <Button type="submit" variant="primary" pending={create.isPending} pendingLabel={t('liaison.form.saving')}>
          {t('liaison.form.submit')}
        </Button>
      </FormActions>
    </form>
  );
}
