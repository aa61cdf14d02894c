import { useTranslation } from 'react-i18next';
import styles from './ConnectionIndicator.module.css';
import { useConnectionState } from './SocketProvider';

/** "Live" / "Reconnecting…" / "Offline", in colour and in words. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const { state, everConnected } = useConnectionState();
  const label =
    state === 'connected'
      ? t('connection.connected')
      : state === 'offline'
        ? t('connection.offline')
        : everConnected
          ? t('connection.reconnecting')
          : t('connection.connecting');
  const hint =
    state === 'connected'
      ? t('connection.hintConnected')
      : state === 'offline'
        ? t('connection.hintOffline')
        : t('connection.hintReconnecting');
  return (
    <span
      className={`${styles.connection} ${styles[state]}`}
      data-testid="connection-status"
      data-state={state}
      role="status"
      title={hint}
    >
      <span className={styles.dot} aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      {label}
    </span>
  );
}
