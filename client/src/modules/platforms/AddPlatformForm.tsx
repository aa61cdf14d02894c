import { type Platform, type PlatformCategory, can, isPlatformAddress, platformCategories } from '@actionday/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { Checkbox } from '../../app/ui/Checkbox';
import { Fieldset, SelectField, TextField, formClass } from '../../app/ui/Field';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import type { OperationDetail } from '../operations/operations.api';
import { useCreatePlatform } from './platforms.api';

/** Adds one platform; investigators may add only platforms discovered during the day. */
export function AddPlatformForm({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreatePlatform(operation.id);
  const [urlInvalid, setUrlInvalid] = useState(false);
  const [added, setAdded] = useState<Platform | null>(null);
  const discovered = !can(operation.me.role, 'platform.create');

  return (
    <form
      className={formClass(true)}
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const text = (name: string) => String(data.get(name) ?? '').trim();
        const url = text('url');
        const invalid = !isPlatformAddress(url);
        setUrlInvalid(invalid);
        setAdded(null);
        if (invalid) return;
        const category = platformCategories.find((c) => c === text('category')) ?? 'other';
        const tags = data.getAll('tags').filter((tag): tag is string => typeof tag === 'string');
        create.mutate(
          { name: text('name'), url, category, tags, discovered },
          {
            onSuccess: (platform) => {
              setAdded(platform);
              form.reset();
            },
          },
        );
      }}
    >
      <TextField label={t('addPlatform.name')} name="name" required maxLength={200} />
      <TextField
        label={t('addPlatform.url')}
        name="url"
        required
        maxLength={2000}
        inputMode="url"
        autoCapitalize="none"
        spellCheck={false}
        error={urlInvalid ? t('addPlatform.invalidUrl') : undefined}
        onChange={() => setUrlInvalid(false)}
      />
      <SelectField
        label={t('addPlatform.category')}
        name="category"
        defaultValue={'social_media' satisfies PlatformCategory}
      >
        {platformCategories.map((category) => (
          <option key={category} value={category}>
            {t(`category.${category}`)}
          </option>
        ))}
      </SelectField>
      {operation.focusTags.length > 0 && (
        <Fieldset legend={t('addPlatform.tags')}>
          {operation.focusTags.map((tag) => (
            <Checkbox key={tag} label={format.focus(tag)} name="tags" value={tag} />
          ))}
        </Fieldset>
      )}
      <ErrorNotice error={create.error} />
      {added && <Notice tone="success">{t('addPlatform.added', { name: added.name })}</Notice>}
      <Button type="submit" variant="primary" pending={create.isPending} pendingLabel={t('addPlatform.submitting')}>
        {t('addPlatform.submit')}
      </Button>
    </form>
  );
}
