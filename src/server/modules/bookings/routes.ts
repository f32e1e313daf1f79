import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { type Actor, scopeOf } from '../auth/actor.ts';
import { createFeed, feedCalendar, findFeeds, revokeFeed } from './feeds.ts';
import {
  BookableResourceSchema,
  BookingSchema,
  CalendarQuerySchema,
  CancelSchema,
  CreateBookingSchema,
  CreatedBookingsSchema,
  CreatedFeedSchema,
  CreateFeedSchema,
  FeedSchema,
  FeedTokenParams,
  IdParams,
  ResourceParams,
  ResourceQuerySchema,
  ResourceSettingsSchema,
  ReturnSchema,
} from './schema.ts';
import {
  approveBooking,
  cancelBooking,
  createBookings,
  findBookings,
  findResources,
  getBooking,
  pickUpBooking,
  returnBooking,
  setResourceSettings,
} from './service.ts';

const tags = ['bookings'];
const read = { permission: 'bookings.read' } as const;
const create = { permission: 'bookings.create' } as const;
const manage = { permission: 'bookings.manage' } as const;

/**
 * Bookings of carts, devices and rooms (issue #8 point 2), their week
 * calendars and ICS feeds. Transport only: one service call per route.
 */
export function bookingRoutes(app: App, { db }: AppDeps) {
  const inOrg = <T>(request: FastifyRequest, fn: (scope: Scope, actor: Actor) => Promise<T>) => {
    const actor = actorOf(request);
    return db.withOrg(scopeOf(actor, request.id), (scope) => fn(scope, actor));
  };

  app.get(
    '/api/bookings/resources',
    {
      config: read,
      schema: {
        tags,
        summary: 'What can be booked in a school: carts, devices (not in a cart) and rooms, with their approval flag',
        querystring: ResourceQuerySchema,
        response: { 200: z.array(BookableResourceSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => findResources(scope, actor, request.query.schoolId)),
  );
  app.put(
    '/api/bookings/resources/:kind/:id/settings',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Whether bookings of this resource need approval (by someone with bookings.manage)',
        params: ResourceParams,
        body: ResourceSettingsSchema,
        response: { 200: BookableResourceSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      inOrg(request, (scope, actor) =>
        setResourceSettings(scope, actor, request.params.kind, request.params.id, request.body.requiresApproval),
      ),
  );

  app.get(
    '/api/bookings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Calendar: bookings between two days (school time) of a school, a resource or one’s own',
        querystring: CalendarQuerySchema,
        response: { 200: z.array(BookingSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => findBookings(scope, actor, request.query)),
  );
  app.post(
    '/api/bookings',
    {
      config: create,
      schema: {
        tags,
        summary:
          'Book a cart, a device or a room for a class or an activity, once or weekly (409 BOOKING_CONFLICT names the first colliding date; nothing is written)',
        body: CreateBookingSchema,
        response: { 201: CreatedBookingsSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope, actor) => createBookings(scope, actor, request.body))),
  );
  app.get(
    '/api/bookings/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One booking',
        params: IdParams,
        response: { 200: BookingSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => getBooking(scope, actor, request.params.id)),
  );
  app.post(
    '/api/bookings/:id/approve',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Approve a requested booking',
        params: IdParams,
        response: { 200: BookingSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => approveBooking(scope, actor, request.params.id)),
  );
  app.post(
    '/api/bookings/:id/cancel',
    {
      config: create,
      schema: {
        tags,
        summary: 'Cancel (or refuse) a booking, optionally with the rest of its series; the slot is free again',
        params: IdParams,
        body: CancelSchema,
        response: { 200: BookingSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => cancelBooking(scope, actor, request.params.id, request.body)),
  );
  app.post(
    '/api/bookings/:id/pick-up',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record the pick-up; a cart’s contents now are what its return is checked against',
        params: IdParams,
        response: { 200: BookingSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => pickUpBooking(scope, actor, request.params.id)),
  );
  app.post(
    '/api/bookings/:id/return',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record the return with the scanned tags; a cart’s missing and extra devices are listed',
        params: IdParams,
        body: ReturnSchema,
        response: { 200: BookingSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => returnBooking(scope, actor, request.params.id, request.body)),
  );

  // Calendar feeds
  app.get(
    '/api/bookings/feeds',
    {
      config: read,
      schema: {
        tags,
        summary: 'The signed-in user’s live calendar feeds (their URLs are shown only when created)',
        response: { 200: z.array(FeedSchema), ...problems(401, 403) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => findFeeds(scope, actor)),
  );
  app.post(
    '/api/bookings/feeds',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Create or rotate a secret ICS feed URL (a school’s bookings, or one’s own); the previous URL stops working',
        body: CreateFeedSchema,
        response: { 201: CreatedFeedSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope, actor) => createFeed(scope, actor, request.body))),
  );
  app.delete(
    '/api/bookings/feeds/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Revoke a calendar feed',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope, actor) => revokeFeed(scope, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/ical/:file',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'ICS feed at its secret URL `/ical/{token}.ics` (text/calendar; no sign-in)',
        produces: ['text/calendar'],
        params: FeedTokenParams,
        response: { 200: z.string().meta({ description: 'An iCalendar (RFC 5545) document' }), ...problems(404) },
      },
    },
    async (request, reply) => {
      const match = /^(.+)\.ics$/.exec(request.params.file);
      if (!match?.[1]) throw new AppError('NOT_FOUND', 'No such calendar');
      const text = await feedCalendar(db, match[1], request.id);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('x-robots-tag', 'noindex')
        .send(text);
    },
  );
}
