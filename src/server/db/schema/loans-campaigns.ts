import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, schools, users } from './core.ts';
import { loans } from './loans.ts';

/**
 * Family loans, stage 3 (migration 0011): what families report through
 * their signed link. The text is personal data, deleted by the retention
 * purge with the household's other personal data. (Campaign columns —
 * reason, closure dates — are on `loan_campaigns` in loans.ts.)
 */

export const LOAN_MESSAGE_CATEGORIES = ['breakdown', 'damage', 'loss', 'theft', 'question'] as const;

export const loanMessages = pgTable(
  'loan_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    loanId: uuid('loan_id')
      .notNull()
      .references(() => loans.id),
    /** The loan's school, copied for the school's inbox. */
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    category: text('category').notNull(),
    /** What the family wrote (personal data, ≤ 2000 characters). */
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handledBy: uuid('handled_by').references(() => users.id),
  },
  (t) => [
    index('loan_messages_loan_idx').on(t.loanId, t.createdAt),
    index('loan_messages_inbox_idx').on(t.organisationId, t.schoolId, t.createdAt),
    check(
      'loan_messages_category_check',
      sql.raw(`category in (${LOAN_MESSAGE_CATEGORIES.map((c) => `'${c}'`).join(',')})`),
    ),
    check('loan_messages_body_check', sql`length(${t.body}) between 1 and 2000`),
    check('loan_messages_handled_check', sql`${t.handledBy} is null or ${t.handledAt} is not null`),
  ],
);
