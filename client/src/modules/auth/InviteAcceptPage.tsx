import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../app/ui/Notice';
import { Button } from '../../app/ui/Button';
import { Fact, Facts } from '../../app/ui/Facts';
import { formClass } from '../../app/ui/Field';
import { Loading } from '../../app/ui/Loading';
import { Panel } from '../../app/ui/Panel';
import { Page } from '../../app/ui/Page';
import { AccountFields } from './AccountFields';
import { formValues } from '../../app/forms';
import { useAcceptInvite, useInvitePreview } from './auth.api';

/** An invite link: what it is for, then the account form; success opens the operation. */
export function InviteAcceptPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const format = useFormat();
  const preview = useInvitePreview(code);
  const accept = useAcceptInvite(code);
  const navigate = useNavigate();

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <Page title={t('invite.title')} narrow>
        <Panel roomy>
          <h1>{t('invite.unusable')}</h1>
          <ErrorNotice error={preview.error} />
        </Panel>
      </Page>
    );
  }
  const invite = preview.data;

  return (
    <Page title={t('invite.title')} narrow>
      <Panel roomy>
        <p className="eyebrow">{t('invite.title')}</p>
        <h1>{t('invite.heading', { operation: invite.operationName })}</h1>
        <Facts>
          <Fact label={t('invite.role')}>{t(`role.${invite.role}`)}</Fact>
          <Fact label={t('invite.country')}>{format.country(invite.country)}</Fact>
          <Fact label={t('invite.agency')}>{invite.agency}</Fact>
          <Fact label={t('invite.expires')}>{format.dateTime(invite.expiresAt)}</Fact>
        </Facts>
        <p>{t('invite.formIntro')}</p>
        <form
          className={formClass()}
          onSubmit={(event) => {
            event.preventDefault();
            const account = formValues(event.currentTarget, ['name', 'email', 'password'] as const);
            accept.mutate(account, {
              onSuccess: ({ operationId }) => void navigate(`/operations/${operationId}`, { replace: true }),
            });
          }}
        >
          <AccountFields />
          <ErrorNotice error={accept.error} />
          <Button type="submit" variant="primary" pending={accept.isPending} pendingLabel={t('invite.submitting')}>
            {t('invite.submit')}
          </Button>
        </form>
      </Panel>
    </Page>
  );
}
