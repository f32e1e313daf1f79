import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { scopeOf } from '../auth/actor.ts';
import {
  CreateUserSchema,
  SetPasswordSchema,
  UpdateUserSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
} from './schema.ts';
import { createUser, findUsers, getUser, setUserPassword, updateUser } from './service.ts';

const tags = ['users'];
const IdParams = z.object({ id: z.uuid() });

export function userRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/users',
    {
      config: { permission: 'users.read' },
      schema: {
        tags,
        summary: 'List user accounts',
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findUsers(scope, actor, request.query));
    },
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Create a user account',
        body: CreateUserSchema,
        response: { 201: UserSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await db.withOrg(scopeOf(actor, request.id), (scope) => createUser(scope, actor, request.body));
      return reply.code(201).send(user);
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { permission: 'users.read' },
      schema: {
        tags,
        summary: 'One user account',
        params: IdParams,
        response: { 200: UserSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => getUser(scope, actor, request.params.id));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Change a user’s name, roles, schools, language or activity',
        params: IdParams,
        body: UpdateUserSchema,
        response: { 200: UserSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        updateUser(scope, actor, request.params.id, request.body),
      );
    },
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Set a user’s password (their sessions end)',
        params: IdParams,
        body: SetPasswordSchema,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.withOrg(scopeOf(actor, request.id), (scope) =>
        setUserPassword(scope, request.params.id, request.body.password),
      );
      return reply.code(204).send(null);
    },
  );
}
