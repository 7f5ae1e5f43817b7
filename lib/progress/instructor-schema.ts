import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Instructors and their sessions. Kept apart from the learner schema: nothing a learner reaches reads these tables.
 * A password is stored as a scrypt hash (lib/instructors/password.ts); a session as the SHA-256 of its token only,
 * so a copy of the database cannot be replayed as a cookie.
 */
export const instructors = pgTable('instructors', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Lower-cased on write. */
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const instructorSessions = pgTable(
  'instructor_sessions',
  {
    /** Hex SHA-256 of the random 32-byte token held in the instructor's cookie. */
    id: text('id').primaryKey(),
    instructorId: uuid('instructor_id')
      .notNull()
      .references(() => instructors.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('instructor_sessions_instructor_idx').on(t.instructorId)],
);
