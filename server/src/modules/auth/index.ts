/** Accounts, sessions and sign-in: what other modules may use of them. */
export { authProjections } from './auth.events.js';
export { authRoutes } from './auth.routes.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { assertStrongPassword } from './password-strength.js';
export {
  type SessionAccess,
  createSession,
  deleteSessionsOf,
  randomToken,
  resolveSession,
  sha256,
} from './sessions.js';
export { FirstRunSetup } from './setup.js';
export { languageRoutes } from './language.routes.js';
export { totpRoutes } from './totp.routes.js';
export { type UserRow, findUser, findUserByEmail, insertUser, totpEnabledOf, userNames } from './users.js';
