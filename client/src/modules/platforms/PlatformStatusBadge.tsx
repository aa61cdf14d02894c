import type { Platform } from '@actionday/shared';
import { useTranslation } from 'react-i18next';

const symbols = { unchecked: '○', claimed: '◐', checked: '●' } as const;

/** A platform's status: a symbol, a word and a colour (never colour alone). */
export function PlatformStatusBadge({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${platform.status}`}>
      <span aria-hidden="true" className="badge__symbol">
        {symbols[platform.status]}
      </span>
      {t(`status.${platform.status}`)}
      {platform.status === 'checked' && platform.verdict && <span className="badge__detail">· {t(`verdict.${platform.verdict}`)}</span>}
    </span>
  );
}
