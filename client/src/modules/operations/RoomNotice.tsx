import { useTranslation } from 'react-i18next';
import { codeMessage } from '../../app/errors';
import { Notice } from '../../app/ui/Notice';
import { useOperationRoom } from './OperationRoom';

/** "Live updates unavailable: …" when the server refused this page a place in the operation's room. */
export function RoomNotice() {
  const { t } = useTranslation();
  const room = useOperationRoom();
  if (!room?.error) return null;
  return <Notice tone="error">{t('board.liveUnavailable', { reason: codeMessage(t, room.error) })}</Notice>;
}
