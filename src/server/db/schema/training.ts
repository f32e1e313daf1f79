import { boolean, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './core.ts';

/**
 * Training, accompagnement (migration 0019; issue #8 point 3): sessions,
 * staff registrations with attendance, named trainees without an account
 * (name + school only, purged after the retention window), anonymous
 * feedback scores. Composite foreign keys keeping links inside one
 * organisation, and the CHECKs (families: head count only), are in the
 * migration.
 */

export const TRAINING_AUDIENCES = ['teachers', 'families', 'periscolaire', 'technicians'] as const;
export const TRAINING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];
export interface TrainingMaterial {
  readonly label: string;
  readonly url: string;
}

export const trainingSessions = pgTable('training_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  audience: text('audience').$type<TrainingAudience>().notNull(),
  topic: text('topic').notNull(),
  description: text('description').notNull().default(''),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  /** The school whose staff the session is for; null: open to every school. */
  schoolId: uuid('school_id'),
  roomId: uuid('room_id'),
  place: text('place'),
  online: boolean('online').notNull().default(false),
  onlineUrl: text('online_url'),
  trainer: text('trainer').notNull(),
  capacity: integer('capacity'),
  materials: jsonb('materials').$type<TrainingMaterial[]>().notNull().default([]),
  status: text('status').$type<TrainingStatus>().notNull().default('planned'),
  /** Families' sessions only: how many came (never who). */
  headCount: integer('head_count'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trainingTrainees = pgTable('training_trainees', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  schoolId: uuid('school_id').notNull(),
  /** Null once purged. */
  name: text('name'),
  purgedAt: timestamp('purged_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trainingRegistrations = pgTable('training_registrations', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  sessionId: uuid('session_id').notNull(),
  userId: uuid('user_id'),
  traineeId: uuid('trainee_id'),
  schoolId: uuid('school_id'),
  /** Null until the attendance is recorded. */
  attended: boolean('attended'),
  feedbackGiven: boolean('feedback_given').notNull().default(false),
  registeredBy: uuid('registered_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trainingFeedback = pgTable('training_feedback', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  sessionId: uuid('session_id').notNull(),
  score: smallint('score').notNull(),
});
