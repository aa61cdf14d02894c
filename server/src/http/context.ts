import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../modules/audit/audit.service.js';
import { SESSION_COOKIE, type SessionUser } from '../modules/auth/sessions.js';
import { fail } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, set by the session hook; null when signed out. */
    user: SessionUser | null;
  }
}

/** The signed-in user, or a 401. */
export function requireUser(request: FastifyRequest): SessionUser {
  return request.user ?? fail('auth.unauthenticated', 'Sign in first');
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
