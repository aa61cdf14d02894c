import { defineErrors } from './contract.js';

/** Invites to an operation. */
export const inviteErrors = defineErrors({
  'invites.not_found': { status: 404, message: 'This invite code is not valid' },
  'invites.expired': { status: 410, message: 'This invite has expired' },
  'invites.used': { status: 409, message: 'This invite has already been used' },
  'invites.already_member': { status: 409, message: 'You already take part in this operation' },
  'invites.revoked_member': {
    status: 409,
    message: 'Your participation in this operation was revoked; an administrator can reinstate it',
  },
});

/** Announcements and shared notes. */
export const communicationErrors = defineErrors({
  'announcements.not_found': { status: 404, message: 'No such announcement' },
  'notes.not_found': { status: 404, message: 'No such note in this operation' },
  'notes.not_open': { status: 409, message: 'Open the note first' },
  'notes.unavailable': { status: 503, message: 'The notes are not available right now (the server is restarting)' },
});

/** After-action reports and country packages. */
export const reportErrors = defineErrors({
  'reports.pdf_unavailable': { status: 503, message: 'PDF reports need Chromium on the server' },
  'reports.unknown_country': { status: 404, message: 'No participant from {country} took part in this operation' },
  'reports.unknown_table': { status: 404, message: 'The table {table} is not part of the {audience} report' },
  'audit.entry_not_found': {
    status: 404,
    message: 'No entry {id} in a published head of this audit log (a new entry needs a moment)',
  },
});
