/**
 * Every error the API can answer, with its HTTP status. Codes are stable
 * (`<module>.<reason>`): clients and tests match on them, never on messages.
 */
export const errorStatus = {
  'request.invalid': 400,
  'request.not_found': 404,
  'request.too_large': 413,
  'request.rate_limited': 429,
  'server.internal': 500,
  'auth.invalid_credentials': 401,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  'auth.setup_not_available': 409,
  'auth.setup_token_invalid': 403,
  'auth.email_taken': 409,
  'invites.not_found': 404,
  'invites.expired': 410,
  'invites.used': 409,
  'invites.already_member': 409,
  'operations.not_found': 404,
  'operations.invalid_window': 400,
  'operations.not_member': 403,
  'platforms.not_found': 404,
  'platforms.already_claimed': 409,
  'platforms.duplicate': 409,
  'platforms.unknown_tag': 400,
  'platforms.claim_limit': 409,
  'platforms.not_claimed': 409,
  'platforms.not_checked': 409,
  'platforms.not_holder': 403,
  'platforms.bad_import': 400,
  'operations.member_not_found': 404,
  'operations.closed': 409,
  'operations.revoked': 403,
  'auth.bad_origin': 403,
  'auth.totp_required': 401,
  'auth.totp_invalid': 400,
  'auth.access_ended': 403,
  'findings.not_found': 404,
  'findings.bad_identifier': 400,
  'findings.platform_mismatch': 400,
  'findings.bad_link': 400,
  'findings.not_author': 403,
  'findings.kind_mismatch': 400,
  'findings.version_conflict': 409,
  'evidence.not_found': 404,
  'evidence.too_large': 413,
  'evidence.bad_type': 415,
  'evidence.missing_file': 400,
  'evidence.integrity_failed': 500,
  'hits.not_found': 404,
  'hits.already_resolved': 409,
  'references.bad_file': 400,
  'announcements.not_found': 404,
  'notes.not_found': 404,
  'notes.not_open': 409,
  'notes.unavailable': 503,
  'reports.pdf_unavailable': 503,
  'reports.unknown_country': 404,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
