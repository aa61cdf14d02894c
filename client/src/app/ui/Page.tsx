import type { ReactNode } from 'react';

/** A page's document title and its centred content column. */
export function Page({ title, narrow, children }: { title: string; narrow?: boolean; children: ReactNode }) {
  return (
    <div className={narrow ? 'page page--narrow' : 'page'}>
      <title>{`${title} · Actionday`}</title>
      {children}
    </div>
  );
}
