import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Notice, ErrorNotice } from '../../app/ui/Notice';
import { Button } from '../../app/ui/Button';
import { SelectField, TextAreaField, formClass } from '../../app/ui/Field';
import type { OperationDetail } from '../operations/operations.api';
import { Queued } from '../../app/outbox/outbox';
import { useCreateAnnouncement } from './announcements.api';

/** A coordinator's broadcast: to everybody, or to the participants of one country (and the coordinators). */
export function AnnouncementForm({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreateAnnouncement(operation.id);
  const [message, setMessage] = useState('');
  const [country, setCountry] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const countries = useMemo(() => {
    const collator = new Intl.Collator(format.language);
    return [...new Set(operation.participants.map((p) => p.country))]
      .map((code) => ({ code, name: format.country(code) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [operation.participants, format]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = message.trim();
    if (!text) return;
    setSent(null);
    create.mutate(country ? { message: text, country } : { message: text }, {
      onSuccess: (answer) => {
        setMessage('');
        if (answer instanceof Queued) setSent(t('outbox.queuedNotice'));
        else
          setSent(
            country ? t('announcements.sentTo', { country: format.country(country) }) : t('announcements.sentAll'),
          );
      },
    });
  };

  return (
    <form className={formClass()} onSubmit={submit} data-testid="announcement-form">
      <TextAreaField
        label={t('announcements.message')}
        name="message"
        rows={3}
        maxLength={1000}
        required
        value={message}
        placeholder={t('announcements.placeholder')}
        onChange={(event) => setMessage(event.target.value)}
      />
      <SelectField
        label={t('announcements.audience')}
        name="country"
        value={country}
        onChange={(event) => setCountry(event.target.value)}
      >
        <option value="">{t('announcements.everybody')}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {t('announcements.onlyCountry', { country: c.name })}
          </option>
        ))}
      </SelectField>
      <Button
        type="submit"
        variant="primary"
        disabled={!message.trim()}
        pending={create.isPending}
        pendingLabel={t('announcements.sending')}
      >
        {t('announcements.send')}
      </Button>
      <ErrorNotice error={create.error} />
      {sent && <Notice tone="success">{sent}</Notice>}
    </form>
  );
}
