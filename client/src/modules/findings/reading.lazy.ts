// Loaded on demand (see reading.ts): libphonenumber's full metadata is ~60 KB gzipped, more than the board itself.
export { readIdentifier } from '@actionday/shared/reading';
export { services } from '@actionday/shared/services';
