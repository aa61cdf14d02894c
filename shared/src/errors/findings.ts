import { defineErrors } from './contract.js';

/** Findings, evidence, matches and reference lists. */
export const findingErrors = defineErrors({
  'findings.not_found': { status: 404, message: 'No such finding' },
  'findings.bad_identifier': { status: 400, message: 'The identifier cannot be read: {reason}' },
  'findings.platform_mismatch': { status: 400, message: 'That platform is not part of this operation' },
  'findings.bad_link': { status: 400, message: 'A linked finding is not part of this operation' },
  'findings.not_author': { status: 403, message: 'Only the author or a coordinator can change or delete a finding' },
  'findings.kind_mismatch': { status: 400, message: 'A {kind} has no {fields}' },
  'findings.theme_off': {
    status: 400,
    message: 'This operation does not cover {theme}: a coordinator can add the theme before the day goes live',
  },
  'findings.not_a_suspect': { status: 400, message: 'The advertiser must be a suspect logged in this operation' },
  'findings.version_conflict': {
    status: 409,
    message: 'Someone changed this finding meanwhile; reload it and apply your change again',
  },
  'evidence.not_found': { status: 404, message: 'No such evidence' },
  'evidence.too_large': { status: 413, message: 'Evidence files are limited to {mb} MB' },
  'evidence.bad_type': { status: 415, message: 'Files of type {type} are not accepted as evidence' },
  'evidence.content_mismatch': { status: 415, message: 'The file’s content is not {type}' },
  'evidence.not_multipart': { status: 415, message: 'Send the file as multipart/form-data' },
  'evidence.missing_file': { status: 400, message: 'Attach the captured file' },
  'evidence.one_file': { status: 400, message: 'Send one file per upload (this one had {count}); nothing was stored' },
  'evidence.empty_file': { status: 400, message: 'The file is empty' },
  'evidence.integrity_failed': {
    status: 409,
    message: 'The stored file no longer matches its recorded SHA-256; it is withheld',
  },
  'matches.not_found': { status: 404, message: 'No such match' },
  'matches.version_conflict': {
    status: 409,
    message: 'Someone resolved this match meanwhile; look at it again before you change it',
  },
  'matches.not_owner': {
    status: 403,
    message: 'Only the country that logged the TLP:RED record, or a coordinator, decides whether to share it',
  },
  'matches.no_disclosure': { status: 409, message: 'This match has no TLP:RED sighting waiting for a decision' },
  'references.not_csv': { status: 415, message: 'Send the list as CSV (Content-Type: text/csv)' },
  'references.bad_header': {
    status: 400,
    message: 'The CSV needs a header row with the columns kind and value (label and region optional)',
  },
  'references.too_many': { status: 413, message: 'At most {max} entries per list' },
  'references.not_found': { status: 404, message: 'No such reference list' },
});
