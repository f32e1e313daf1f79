import { z } from 'zod';
import { WEBHOOK_EVENTS } from './rules.ts';

/**
 * Outbound webhooks inputs and outputs (issue #11 point 2). Every input is
 * `.strict()`. The URL policy (https; http to loopback outside production)
 * is checked by the service, which names the field. The secret is never
 * returned, except once at creation and at rotation.
 */

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENTS).meta({ id: 'WebhookEventType' });
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export const WebhookDeliveryStatusSchema = z.enum(DELIVERY_STATUSES).meta({ id: 'WebhookDeliveryStatus' });

export const IdParams = z.object({ id: z.uuid() });

const events = z
  .array(WebhookEventTypeSchema)
  .min(1)
  .max(WEBHOOK_EVENTS.length)
  .refine((list) => new Set(list).size === list.length, { message: 'duplicate event' });

const endpointFields = {
  /** https://…; plain http only to a loopback address outside production (or when the instance allows it). */
  url: z.string().trim().min(1).max(2000),
  description: z.string().trim().max(500).optional(),
  events,
  enabled: z.boolean().optional(),
  /** Send the household's contacts with loan events. Off unless set. */
  includePersonalData: z.boolean().optional(),
};
export const CreateWebhookEndpointSchema = z.object(endpointFields).strict().meta({ id: 'CreateWebhookEndpointInput' });
export type CreateWebhookEndpointInput = z.infer<typeof CreateWebhookEndpointSchema>;
export const UpdateWebhookEndpointSchema = z
  .object(endpointFields)
  .partial()
  .strict()
  .meta({ id: 'UpdateWebhookEndpointInput' });
export type UpdateWebhookEndpointInput = z.infer<typeof UpdateWebhookEndpointSchema>;

export const WebhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    events: z.array(WebhookEventTypeSchema),
    enabled: z.boolean(),
    includePersonalData: z.boolean(),
    consecutiveFailures: z.number().int(),
    /** Set when disabled; `failures`: by the system after too many failed attempts in a row. */
    disabledAt: z.string().nullable(),
    disabledReason: z.enum(['manual', 'failures']).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deliveries: z.object({ pending: z.number().int(), delivered: z.number().int(), failed: z.number().int() }),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  /** `whsec_…`: shown once. Keep it in the receiver to verify `Socle-Signature`. */
  secret: z.string(),
}).meta({ id: 'WebhookEndpointWithSecret' });

export const WebhookSecretSchema = z.object({ secret: z.string() }).meta({ id: 'WebhookSecret' });

export const WebhookAttemptSchema = z
  .object({
    attempt: z.number().int(),
    attemptedAt: z.string(),
    /** HTTP status of the receiver's answer; null when none came (timeout, refused connection). */
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
    /** Attempt following a manual redelivery. */
    manual: z.boolean(),
  })
  .meta({ id: 'WebhookAttempt' });

export const WebhookDeliverySchema = z
  .object({
    id: z.uuid(),
    endpointId: z.uuid(),
    eventId: z.uuid(),
    eventType: WebhookEventTypeSchema,
    occurredAt: z.string(),
    status: WebhookDeliveryStatusSchema,
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    log: z.array(WebhookAttemptSchema),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryQuerySchema = z
  .object({
    status: WebhookDeliveryStatusSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type WebhookDeliveryQuery = z.infer<typeof WebhookDeliveryQuerySchema>;

export const WebhookCatalogueSchema = z
  .array(
    z.object({
      type: WebhookEventTypeSchema,
      /** Whether the household's contacts may be added, for endpoints allowed personal data. */
      personalData: z.boolean(),
    }),
  )
  .meta({ id: 'WebhookCatalogue' });
