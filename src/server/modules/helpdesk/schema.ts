import { z } from 'zod';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '../../db/schema/helpdesk.ts';
import {
  ClosedDaysSchema,
  HelpdeskSettingsSchema,
  HelpdeskSlaSchema,
  ReopenDaysSchema,
  WorkingHoursSchema,
} from '../organisations/settings.ts';

/**
 * Helpdesk inputs and outputs (issue #8 point 1). Inputs are `.strict()`;
 * rules spanning rows (the school in reach, the room of that school, assets
 * of that school, an assignee who reaches it) are checked by the service,
 * each answer naming the field.
 */

export const TicketCategorySchema = z.enum(TICKET_CATEGORIES).meta({ id: 'TicketCategory' });
export const TicketPrioritySchema = z.enum(TICKET_PRIORITIES).meta({ id: 'TicketPriority' });
export const TicketStatusSchema = z.enum(TICKET_STATUSES).meta({ id: 'TicketStatus' });

export const IdParams = z.object({ id: z.uuid() });
const text = (max: number) => z.string().trim().max(max);

export const CreateTicketSchema = z
  .object({
    schoolId: z.uuid(),
    roomId: z.uuid().nullable().optional(),
    category: TicketCategorySchema,
    priority: TicketPrioritySchema.default('normal'),
    title: text(200).min(1),
    description: text(10_000).optional(),
    /** Assets of the school concerned (scanned or searched). */
    assetIds: z.array(z.uuid()).max(50).optional(),
  })
  .strict()
  .meta({ id: 'CreateTicketInput' });
export type CreateTicketInput = z.infer<typeof CreateTicketSchema>;

export const UpdateTicketSchema = z
  .object({
    priority: TicketPrioritySchema,
    category: TicketCategorySchema,
    title: text(200).min(1),
    roomId: z.uuid().nullable(),
  })
  .partial()
  .strict()
  .meta({ id: 'UpdateTicketInput' });
export type UpdateTicketInput = z.infer<typeof UpdateTicketSchema>;

export const AssignSchema = z
  .object({
    assigneeId: z
      .uuid()
      .nullable()
      .meta({ description: 'A technician (or manager) reaching the school; null: unassign' }),
  })
  .strict()
  .meta({ id: 'AssignTicketInput' });
export type AssignInput = z.infer<typeof AssignSchema>;

export const StatusChangeSchema = z
  .object({
    status: z.enum(['in_progress', 'waiting', 'resolved', 'closed']),
    /** Posted as a public comment with the change (what was done, what is awaited). */
    note: text(10_000).min(1).optional(),
  })
  .strict()
  .meta({ id: 'TicketStatusChangeInput' });
export type StatusChangeInput = z.infer<typeof StatusChangeSchema>;

export const CommentInputSchema = z
  .object({ body: text(10_000).min(1), internal: z.boolean().default(false) })
  .strict()
  .meta({ id: 'NewTicketCommentInput' });
export type CommentInput = z.infer<typeof CommentInputSchema>;

export const ReopenSchema = z
  .object({ reason: text(10_000).min(1) })
  .strict()
  .meta({ id: 'ReopenTicketInput' });
export type ReopenInput = z.infer<typeof ReopenSchema>;

export const SatisfactionSchema = z
  .object({ score: z.number().int().min(1).max(5), comment: text(2000).optional() })
  .strict()
  .meta({ id: 'TicketSatisfactionInput' });
export type SatisfactionInput = z.infer<typeof SatisfactionSchema>;

export const RepairSchema = z
  .object({
    /** Linked assets to send to repair (default: every linked asset). */
    assetIds: z.array(z.uuid()).max(50).optional(),
  })
  .strict()
  .meta({ id: 'TicketRepairInput' });
export type RepairInput = z.infer<typeof RepairSchema>;

const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const TicketQuerySchema = z
  .object({
    status: TicketStatusSchema.optional(),
    /** `open`: new, assigned, in progress or waiting. */
    open: Bool.optional(),
    schoolId: z.uuid().optional(),
    priority: TicketPrioritySchema.optional(),
    category: TicketCategorySchema.optional(),
    /** A user id, or `none` for unassigned tickets. */
    assigneeId: z.union([z.uuid(), z.literal('none')]).optional(),
    breached: Bool.optional(),
    /** A ticket number (`T-2026-00042`, `2026-00042`, `42`), a year, or words of the title. */
    q: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type TicketQuery = z.infer<typeof TicketQuerySchema>;

export const BreachQuerySchema = z
  .object({
    schoolId: z.uuid().optional(),
    /** Also the resolved and closed tickets that missed a target. */
    includeClosed: Bool.optional(),
  })
  .strict();
export type BreachQuery = z.infer<typeof BreachQuerySchema>;

export const FamilyTicketSchema = z
  .object({
    /** A breakdown of the lent device, or a request about it (default: breakdown). */
    category: z.enum(['breakdown', 'request']).optional(),
    problem: z
      .enum(['does_not_start', 'screen', 'keyboard', 'battery', 'network', 'accessory', 'how_to', 'other'])
      .meta({
        description:
          'What is wrong or needed, chosen in a list (no free text: the ticket holds no family data). Breakdowns: does_not_start, screen, keyboard, battery, network, other; requests: accessory, how_to, other',
      }),
  })
  .strict()
  .meta({ id: 'FamilyTicketInput' });
export type FamilyTicketInput = z.infer<typeof FamilyTicketSchema>;

export const FamilyTicketReceiptSchema = z
  .object({ received: z.literal(true), receivedAt: z.string() })
  .meta({ id: 'FamilyTicketReceipt', description: 'The report reached the helpdesk (nothing else is told)' });

const Person = z.object({ id: z.uuid(), displayName: z.string() }).nullable();

export const TicketSchema = z
  .object({
    id: z.uuid(),
    /** Readable number, per organisation and year of opening: `T-2026-00042`. */
    number: z.string(),
    source: z.enum(['staff', 'family']),
    school: z.object({ id: z.uuid(), name: z.string() }),
    room: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    category: TicketCategorySchema,
    priority: TicketPrioritySchema,
    status: TicketStatusSchema,
    title: z.string(),
    description: z.string(),
    openedBy: Person,
    assignee: Person,
    createdAt: z.string(),
    updatedAt: z.string(),
    firstResponseAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    /** Working-hour SLA: when the first response is due. */
    responseDueAt: z.string().nullable(),
    /** When the resolution is due (moves forward by the working time spent waiting). */
    resolutionDueAt: z.string().nullable(),
    /** The resolution clock is paused (waiting). */
    paused: z.boolean(),
    breached: z.object({ response: z.boolean(), resolution: z.boolean(), any: z.boolean() }),
    satisfaction: z.object({ score: z.number().int(), comment: z.string().nullable(), at: z.string() }).nullable(),
    assetCount: z.number().int(),
    can: z.object({
      manage: z.boolean(),
      comment: z.boolean(),
      commentInternal: z.boolean(),
      reopen: z.boolean(),
      rate: z.boolean(),
      repair: z.boolean(),
      /** Assign to someone (`GET …/assignees` lists whom). */
      assign: z.boolean(),
      /** Attach a file; `attachInternal`: an internal one. */
      attach: z.boolean(),
      attachInternal: z.boolean(),
      /** Statuses reachable through `POST …/status`. */
      statuses: z.array(TicketStatusSchema),
    }),
  })
  .meta({ id: 'Ticket' });

export const TicketCommentSchema = z
  .object({
    id: z.uuid(),
    author: Person,
    internal: z.boolean(),
    body: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'TicketComment' });

export const TicketAssetSchema = z
  .object({
    id: z.uuid(),
    tag: z.string(),
    status: z.string(),
    model: z.string(),
    sentToRepairAt: z.string().nullable(),
    backFromRepairAt: z.string().nullable(),
    can: z.object({
      /** Send it to repair (`POST …/repair`). */
      repair: z.boolean(),
      /** Bring it back before the resolution (`POST …/repair/return`). */
      returnFromRepair: z.boolean(),
    }),
  })
  .meta({ id: 'TicketAsset' });

export const TicketFileSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    mime: z.string(),
    size: z.number().int(),
    createdAt: z.string(),
    /** Helpdesk team and auditors only. */
    internal: z.boolean(),
    author: Person,
    can: z.object({ delete: z.boolean() }),
  })
  .meta({ id: 'TicketFile' });

export const TicketFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const TicketFileQuerySchema = z
  .object({
    /** The file's name (the body is the file itself). */
    name: z.string().max(200).optional(),
    /** An internal file (helpdesk.manage). */
    internal: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .strict();

export const AssigneeSchema = z
  .object({ id: z.uuid(), displayName: z.string(), current: z.boolean() })
  .meta({ id: 'TicketAssignee' });

export const TicketDetailSchema = TicketSchema.extend({
  comments: z.array(TicketCommentSchema),
  assets: z.array(TicketAssetSchema),
  attachments: z.array(TicketFileSchema),
}).meta({ id: 'TicketDetail' });

export const TicketListSchema = z
  .object({ items: z.array(TicketSchema), total: z.number().int() })
  .meta({ id: 'TicketList' });

export { HelpdeskSettingsSchema };
export const HelpdeskSettingsOutputSchema = HelpdeskSettingsSchema.meta({ id: 'HelpdeskSettings' });
export const UpdateHelpdeskSettingsSchema = z
  .object({
    /** Replaces the targets (a priority left out gets its default). */
    sla: HelpdeskSlaSchema.optional(),
    /** Replaces the week (a day left out gets its default). */
    workingHours: WorkingHoursSchema.optional(),
    /** Replaces the closed days. */
    closedDays: ClosedDaysSchema.optional(),
    reopenDays: ReopenDaysSchema.optional(),
  })
  .strict()
  .meta({ id: 'UpdateHelpdeskSettingsInput' });
export type UpdateHelpdeskSettingsInput = z.infer<typeof UpdateHelpdeskSettingsSchema>;
