import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formValues } from '../../app/forms';
import { meKey, useMe } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { TextField, formClass } from '../../app/ui/Field';
import { Panel } from '../../app/ui/Panel';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { Page } from '../../app/ui/Page';

/** One's own account: the optional second factor (TOTP). */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<{ secret: string; uri: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: meKey });
  const start = useMutation({
    mutationFn: () => api<{ secret: string; uri: string }>('/api/me/totp', { method: 'POST' }),
    onSuccess: setPending,
  });
  const enable = useMutation({
    mutationFn: (code: string) => api('/api/me/totp/enable', { method: 'POST', body: { code } }),
    onSuccess: () => {
      setPending(null);
      void refresh();
    },
  });
  const disable = useMutation({
    mutationFn: (code: string) => api('/api/me/totp', { method: 'DELETE', body: { code } }),
    onSuccess: () => void refresh(),
  });
  const user = me.data?.user;
  if (!user) return null;

  const codeForm = (label: string, onCode: (code: string) => void, busy: boolean) => (
    <form
      className={formClass()}
      onSubmit={(event) => {
        event.preventDefault();
        onCode(formValues(event.currentTarget, ['code'] as const).code);
      }}
    >
      <TextField
        label={t('account.code')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        required
        autoFocus
      />
      <Button type="submit" variant="primary" pending={busy}>
        {label}
      </Button>
    </form>
  );

  return (
    <Page title={t('account.title')} narrow>
      <Panel roomy>
        <h1>{t('account.title')}</h1>
        <p className="lead">
          {user.name} · {user.email}
        </p>
        <h2>{t('account.secondFactor')}</h2>
        {user.totpEnabled ? (
          <>
            <Notice tone="success">{t('account.totpOn')}</Notice>
            {codeForm(t('account.turnOff'), (code) => disable.mutate(code), disable.isPending)}
            <ErrorNotice error={disable.error} />
          </>
        ) : pending ? (
          <>
            <p>{t('account.scan')}</p>
            <p>
              <code>{pending.secret}</code>
            </p>
            <p className="muted">
              <a href={pending.uri}>{t('account.openInApp')}</a>
            </p>
            {codeForm(t('account.confirm'), (code) => enable.mutate(code), enable.isPending)}
            <ErrorNotice error={enable.error} />
          </>
        ) : (
          <>
            <p>{t('account.totpOff')}</p>
            <Button variant="primary" onClick={() => start.mutate()} pending={start.isPending}>
              {t('account.turnOn')}
            </Button>
            <ErrorNotice error={start.error} />
          </>
        )}
      </Panel>
    </Page>
  );
}
