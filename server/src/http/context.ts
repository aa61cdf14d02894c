import type { InterfaceLanguage } from '@actionday/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fail } from './errors.js';

/** The name of the session cookie (httpOnly; the sessions table keeps only its SHA-256). */
export const SESSION_COOKIE = 'actionday_session';

/** The signed-in person behind a request or a socket. */
export interface RequestUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  totpEnabled: boolean;
  /** The interface language chosen for the account, or null. */
  language: InterfaceLanguage | null;
}

/** Who acted, and from where: what the audit log records of every change. */
export interface Actor {
  userId: string | null;
  ip: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, set by the session hook; null when signed out. */
    user: RequestUser | null;
  }
}

/** The signed-in user, or a 401. */
export function requireUser(request: FastifyRequest): RequestUser {
  return request.user ?? fail('auth.unauthenticated');
}

/** Who is acting, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, ip: request.ip };
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure behind https. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: 7 * 24 * 60 * 60,
  });
}
