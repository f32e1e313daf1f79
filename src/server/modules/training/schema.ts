import { z } from 'zod';
import { TRAINING_AUDIENCES, TRAINING_STATUSES } from '../../db/schema/training.ts';

/**
 * Training inputs and outputs (issue #8 point 3). Every input is
 * `.strict()`. Rules spanning fields or rows (a room of another school, a
 * place or online link missing, capacity below the registrations) are
 * checked by the service, each answer naming the field.
 */

export { TRAINING_AUDIENCES, TRAINING_STATUSES };
export const TrainingAudienceSchema = z.enum(TRAINING_AUDIENCES).meta({ id: 'TrainingAudience' });
export const TrainingStatusSchema = z.enum(TRAINING_STATUSES).meta({ id: 'TrainingStatus' });

export const IdParams = z.object({ id: z.uuid() });

const text = (max: number) => z.string().trim().max(max);
const Int = z.number().int();
const IsoDateTime = z.iso.datetime({ offset: true, error: 'invalid_datetime' });
const IsoDate = z.iso.date({ error: 'invalid_date' });
const HttpUrl = z.url({ protocol: /^https?$/, error: 'invalid_url' }).max(2000);

export const TrainingMaterialSchema = z
  .object({ label: text(200).min(1), url: HttpUrl })
  .strict()
  .meta({ id: 'TrainingMaterial' });

const sessionFields = {
  audience: TrainingAudienceSchema,
  topic: text(200).min(1),
  description: text(5000).optional(),
  /** Start, ISO date-time with offset. */
  startsAt: IsoDateTime,
  durationMinutes: z.number().int().min(5).max(1440),
  /** The school whose staff the session is for (its directors and teachers register); null: open to every school. */
  schoolId: z.uuid().nullable().optional(),
  /** A room of the session's school. */
  roomId: z.uuid().nullable().optional(),
  /** Free-text place (address, another building). */
  place: text(500).min(1).nullable().optional(),
  online: z.boolean().optional(),
  /** The meeting link, for online sessions. */
  onlineUrl: HttpUrl.nullable().optional(),
  trainer: text(200).min(1),
  /** Seats; null: unlimited. */
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
  /** Links to the slides, handouts, videos. */
  materials: z.array(TrainingMaterialSchema).max(50).optional(),
};
export const CreateSessionSchema = z.object(sessionFields).strict().meta({ id: 'CreateTrainingSessionInput' });
export type CreateSessionInput = z.infer<typeof CreateSessionSchema>;
/** The audience cannot change once created (registrations depend on it); cancelling: status `cancelled`. */
export const UpdateSessionSchema = z
  .object({ ...sessionFields, status: z.enum(['planned', 'cancelled']) })
  .omit({ audience: true })
  .partial()
  .strict()
  .meta({ id: 'UpdateTrainingSessionInput' });
export type UpdateSessionInput = z.infer<typeof UpdateSessionSchema>;

export const SessionQuerySchema = z
  .object({
    audience: TrainingAudienceSchema.optional(),
    status: TrainingStatusSchema.optional(),
    /** Sessions of this school (open sessions included). */
    schoolId: z.uuid().optional(),
    /** Sessions starting on or after this day. */
    from: IsoDate.optional(),
    /** Sessions starting on or before this day. */
    to: IsoDate.optional(),
  })
  .strict();
export type SessionQuery = z.infer<typeof SessionQuerySchema>;

export const RegistrationSchema = z
  .object({
    id: z.uuid(),
    /** An account, or null for a named person without one. */
    userId: z.uuid().nullable(),
    traineeId: z.uuid().nullable(),
    /** Display name of the account, or the recorded name (null once purged). */
    name: z.string().nullable(),
    schoolId: z.uuid().nullable(),
    schoolName: z.string().nullable(),
    /** Null until the attendance is recorded. */
    attended: z.boolean().nullable(),
    createdAt: z.string(),
    can: z.object({ unregister: z.boolean() }),
  })
  .meta({ id: 'TrainingRegistration' });

export const FeedbackSummarySchema = z
  .object({
    count: Int,
    /** Mean score, two decimals; null without any score. */
    average: z.number().nullable(),
    /** Number of scores 1 to 5. */
    distribution: z.array(Int).length(5),
  })
  .meta({ id: 'TrainingFeedbackSummary' });

export const SessionSchema = z
  .object({
    id: z.uuid(),
    audience: TrainingAudienceSchema,
    topic: z.string(),
    description: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    durationMinutes: Int,
    schoolId: z.uuid().nullable(),
    schoolName: z.string().nullable(),
    roomId: z.uuid().nullable(),
    roomName: z.string().nullable(),
    place: z.string().nullable(),
    online: z.boolean(),
    onlineUrl: z.string().nullable(),
    trainer: z.string(),
    capacity: Int.nullable(),
    materials: z.array(TrainingMaterialSchema),
    status: TrainingStatusSchema,
    /** Registrations (all schools; staff audiences). */
    registered: Int,
    /** Seats left; null: unlimited capacity. */
    seatsLeft: Int.nullable(),
    /** Present registrants (staff) or the head count (families); null until recorded. */
    attendees: Int.nullable(),
    /** Families only: how many came; never names. */
    headCount: Int.nullable(),
    feedback: FeedbackSummarySchema,
    /** Whether the actor is registered. */
    registeredSelf: z.boolean(),
    can: z.object({
      update: z.boolean(),
      delete: z.boolean(),
      register: z.boolean(),
      recordAttendance: z.boolean(),
      giveFeedback: z.boolean(),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TrainingSession' });

export const SessionDetailSchema = SessionSchema.extend({
  /** The registrations the actor may see: all for organisation-wide roles, their schools' otherwise. */
  registrations: z.array(RegistrationSchema),
}).meta({ id: 'TrainingSessionDetail' });

/**
 * Register: nothing (oneself), an account (`userId`), or a named member of
 * staff without an account (`name` + `schoolId`). `schoolId` is the school
 * the person is counted for; for an account attached to one school it
 * defaults to that school.
 */
export const CreateRegistrationSchema = z
  .object({
    userId: z.uuid().optional(),
    name: text(200).min(2).optional(),
    schoolId: z.uuid().optional(),
  })
  .strict()
  .meta({ id: 'CreateTrainingRegistrationInput' });
export type CreateRegistrationInput = z.infer<typeof CreateRegistrationSchema>;

/** Staff sessions: present or absent per registration; families: the head count only. */
export const AttendanceSchema = z
  .object({
    entries: z
      .array(z.object({ registrationId: z.uuid(), attended: z.boolean() }).strict())
      .max(10_000)
      .optional(),
    headCount: z.number().int().min(0).max(100_000).optional(),
  })
  .strict()
  .meta({ id: 'TrainingAttendanceInput' });
export type AttendanceInput = z.infer<typeof AttendanceSchema>;

/**
 * Scores 1–5. A present registrant with an account gives one score, once;
 * `training.manage` enters the paper forms' scores (any number).
 */
export const FeedbackInputSchema = z
  .object({ scores: z.array(z.number().int().min(1).max(5)).min(1).max(10_000) })
  .strict()
  .meta({ id: 'TrainingFeedbackInput' });
export type FeedbackInput = z.infer<typeof FeedbackInputSchema>;

export const TrainedQuerySchema = z
  .object({
    /** Reference day (default today): trained within the three school years up to it. */
    on: IsoDate.optional(),
    schoolId: z.uuid().optional(),
  })
  .strict();
export type TrainedQuery = z.infer<typeof TrainedQuerySchema>;

export const TrainedSchoolSchema = z
  .object({
    schoolId: z.uuid(),
    uai: z.string(),
    name: z.string(),
    /** One teacher per class of the school's latest year; null without classes. */
    teachers: Int.nullable(),
    /** Distinct people present at a held teachers' session in the window. */
    trained: Int,
    /** trained / teachers in basis points (capped at 100 %); null without classes. */
    shareBp: Int.nullable(),
  })
  .meta({ id: 'TrainedTeachersBySchool' });
export const TrainedReportSchema = z
  .object({
    on: z.string(),
    /** First day counted: 1 September of the school year two years before `on`'s. */
    windowStart: z.string(),
    schools: z.array(TrainedSchoolSchema),
  })
  .meta({ id: 'TrainedTeachersReport' });

export const CandidateQuerySchema = z.object({ q: text(100).optional() }).strict();

/** An account that may be registered to a session: its name and its schools within reach, no e-mail. */
export const CandidateSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    schools: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: 'TrainingCandidate' });

/** A file attached to a session (slides, handouts): PDF or image, type read from the content. */
export const MaterialFileSchema = z
  .object({ id: z.uuid(), name: z.string(), mime: z.string(), size: Int, createdAt: z.string() })
  .meta({ id: 'TrainingMaterialFile' });
export const FileIdParams = z.object({ fileId: z.uuid() });
export const UploadQuerySchema = z.object({ name: z.string().max(200).optional() });
