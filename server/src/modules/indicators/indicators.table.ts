import { pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { operations } from '../operations/operations.table.js';

/** Indicator phrases per operation and language ("available 24/7"), highlighted in pasted ads. */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => operations.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    phrase: text('phrase').notNull(),
  },
  (t) => [unique('indicators_operation_phrase_unique').on(t.operationId, t.language, t.phrase)],
);
