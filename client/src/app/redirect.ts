import type { Location } from 'react-router';

/** `/signin?next=…` for the current page, so sign-in can come back to it. */
export function signInPathFor(location: Location): string {
  const next = `${location.pathname}${location.search}`;
  return next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`;
}

/** A safe in-app path from `?next=`; anything else goes home. */
export function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
