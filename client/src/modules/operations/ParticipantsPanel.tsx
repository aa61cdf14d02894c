import type { Participant, Revocation } from '@actionday/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { useMe } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { Confirm } from '../../app/ui/Confirm';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { QueryView } from '../../app/ui/QueryView';
import type { OperationDetail } from './operations.api';
import styles from './Participants.module.css';
import { useRevocationDecision, useRevocations } from './participants.api';

/**
 * The coordinator's participant screen: who takes part, revocations waiting for a second coordinator (to confirm or
 * withdraw), and revoked participants (an administrator may reinstate them). The server holds every rule; the
 * buttons only leave out what would certainly be refused.
 */
export function ParticipantsPanel({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const revocations = useRevocations(operation.id);
  const decision = useRevocationDecision(operation.id);
  const me = useMe().data?.user;
  const [asking, setAsking] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const isAdmin = me?.isAdmin ?? false;

  const decide = (participantId: string, kind: 'revoke' | 'cancel' | 'reinstate') =>
    decision.mutate(
      { participantId, decision: kind },
      {
        onSuccess: (answer) => {
          setAsking(null);
          setWaiting('status' in answer && answer.status === 'pending');
        },
      },
    );

  return (
    <QueryView query={revocations}>
      {({ pending, revoked }) => {
        const waitingIds = new Set(pending.map((r) => r.participant.id));
        const others = operation.participants.filter((p) => p.id !== operation.me.id && !waitingIds.has(p.id));
        return (
          <div className={styles.panel} data-testid="participants-panel">
            {waiting && <Notice tone="info">{t('participants.waitingForSecond')}</Notice>}
            {!asking && <ErrorNotice error={decision.error} />}
            {pending.length > 0 && (
              <section aria-labelledby="revocations-pending">
                <h3 id="revocations-pending">{t('participants.pendingTitle')}</h3>
                <ul className={styles.list}>
                  {pending.map((entry) => (
                    <RevocationItem key={entry.participant.id} entry={entry} kind="pending">
                      {entry.byUserId !== me?.id && (
                        <Button
                          variant="danger"
                          size="sm"
                          pending={decision.isPending}
                          onClick={() => decide(entry.participant.id, 'revoke')}
                          data-testid="confirm-revocation"
                        >
                          {t('participants.confirm')}
                        </Button>
                      )}
                      {(entry.byUserId === me?.id || isAdmin) && (
                        <Button size="sm" onClick={() => decide(entry.participant.id, 'cancel')}>
                          {t('participants.withdraw')}
                        </Button>
                      )}
                    </RevocationItem>
                  ))}
                </ul>
              </section>
            )}
            <section aria-labelledby="participants-active">
              <h3 id="participants-active">
                {t('participants.activeTitle', { count: operation.participants.length })}
              </h3>
              <ul className={`${styles.list} ${styles.scroll}`}>
                {others.map((participant) => (
                  <li key={participant.id} className={styles.item} data-testid="participant-item">
                    <Who participant={participant} />
                    {asking === participant.id ? (
                      <Confirm
                        question={t('participants.revokeQuestion', { name: participant.name })}
                        confirmLabel={t('participants.revoke')}
                        pending={decision.isPending}
                        error={decision.error}
                        onConfirm={() => decide(participant.id, 'revoke')}
                        onCancel={() => setAsking(null)}
                        confirmTestId="revoke-confirm"
                      >
                        {participant.role === 'coordinator' && !isAdmin
                          ? t('participants.revokeCoordinatorEffect')
                          : t('participants.revokeEffect')}
                      </Confirm>
                    ) : (
                      <Button size="sm" variant="ghost" onClick={() => setAsking(participant.id)}>
                        {t('participants.revoke')}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
            {revoked.length > 0 && (
              <section aria-labelledby="participants-revoked">
                <h3 id="participants-revoked">{t('participants.revokedTitle')}</h3>
                <ul className={styles.list}>
                  {revoked.map((entry) => (
                    <RevocationItem key={entry.participant.id} entry={entry} kind="revoked">
                      {isAdmin && (
                        <Button
                          size="sm"
                          onClick={() => decide(entry.participant.id, 'reinstate')}
                          data-testid="reinstate"
                        >
                          {t('participants.reinstate')}
                        </Button>
                      )}
                    </RevocationItem>
                  ))}
                </ul>
              </section>
            )}
          </div>
        );
      }}
    </QueryView>
  );
}

/** Name, role, country and agency of a participant. */
function Who({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span>
      <strong>{participant.name}</strong>
      <span className="muted">
        {' '}
        · {t(`role.${participant.role}`)} · {format.country(participant.country)} · {participant.agency}
      </span>
    </span>
  );
}

/** A waiting or done revocation: who, who asked or revoked, when; and what the viewer may do about it. */
function RevocationItem({
  entry,
  kind,
  children,
}: {
  entry: Revocation;
  kind: 'pending' | 'revoked';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const by = entry.byName ?? t('participants.someone');
  return (
    <li className={styles.item} data-testid={`revocation-${kind}`}>
      <span>
        <Who participant={entry.participant} />
        <span className={`${styles.by} muted`}>
          {t(kind === 'pending' ? 'participants.askedBy' : 'participants.revokedBy', {
            name: by,
            time: format.dateTime(entry.at),
          })}
        </span>
      </span>
      <span className={styles.actions}>{children}</span>
    </li>
  );
}
