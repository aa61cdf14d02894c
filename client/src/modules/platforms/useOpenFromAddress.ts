import type { Platform } from '@actionday/shared';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Opens the platform named in `?platform=<id>` once the board has it (a link from a match's sighting or a
 * node of the link chart), then takes the parameter out of the address so a reload does not reopen it.
 */
export function useOpenFromAddress(
  platforms: readonly Platform[] | undefined,
  open: (platformId: string) => void,
): void {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('platform');
  useEffect(() => {
    if (!wanted || !platforms?.some((p) => p.id === wanted)) return;
    open(wanted);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('platform');
        return next;
      },
      { replace: true },
    );
  }, [wanted, platforms, open, setParams]);
}
