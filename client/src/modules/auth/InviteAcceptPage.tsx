import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../app/ui/Notice';
import { Loading } from '../../app/ui/Loading';
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
        <section className="card">
          <h1>{t('invite.unusable')}</h1>
          <ErrorNotice error={preview.error} />
        </section>
      </Page>
    );
  }
  const invite = preview.data;

  return (
    <Page title={t('invite.title')} narrow>
      <section className="card">
        <p className="eyebrow">{t('invite.title')}</p>
        <h1>{t('invite.heading', { operation: invite.operationName })}</h1>
        <dl className="facts">
          <div>
            <dt>{t('invite.role')}</dt>
            <dd>{t(`role.${invite.role}`)}</dd>
          </div>
          <div>
            <dt>{t('invite.country')}</dt>
            <dd>{format.country(invite.country)}</dd>
          </div>
          <div>
            <dt>{t('invite.agency')}</dt>
            <dd>{invite.agency}</dd>
          </div>
          <div>
            <dt>{t('invite.expires')}</dt>
            <dd>{format.dateTime(invite.expiresAt)}</dd>
          </div>
        </dl>
        <p>{t('invite.formIntro')}</p>
        <form
          className="form"
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
          <button
            type="submit"
            className="button button--primary"
            disabled={accept.isPending}
            aria-busy={accept.isPending}
          >
            {accept.isPending ? t('invite.submitting') : t('invite.submit')}
          </button>
        </form>
      </section>
    </Page>
  );
}
