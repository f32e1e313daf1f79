import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '../../../shared/permissions.ts';
import { assets } from '../../db/schema.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { withRawUploads } from '../../http/upload.ts';
import { scopeOf } from '../auth/actor.ts';
import { assetReach } from '../inventory/service.ts';
import { ACCEPTED_TYPES, contentDisposition } from './rules.ts';
import { attachFile, deleteFile, findFiles, getFile, pathOf } from './service.ts';

const tags = ['files'];
const IdParams = z.object({ id: z.uuid() });
const FileSchema = z
  .object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int(), createdAt: z.string() })
  .meta({ id: 'FileAttachment' });

/**
 * Attachments of assets. Downloads are always `Content-Disposition:
 * attachment` with `X-Content-Type-Options: nosniff`, whatever the type:
 * an uploaded file is never rendered inline by the browser on our origin.
 */
export function fileRoutes(app: App, { db, config }: AppDeps) {
  const assetInReach = async (
    scope: Parameters<Parameters<typeof db.withOrg>[1]>[0],
    actor: ReturnType<typeof actorOf>,
    id: string,
  ) => {
    const [a] = await scope.tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.id, id), assetReach(actor)));
    if (!a) throw notFound('Asset');
  };

  withRawUploads(
    app,
    (scoped) => {
      scoped.post(
        '/api/assets/:id/attachments',
        {
          config: { permission: 'inventory.manage' },
          bodyLimit: config.uploads.maxBytes,
          schema: {
            tags,
            summary: 'Attach a photo (JPEG, PNG, WebP) or a PDF to an asset; the type is read from the content',
            params: IdParams,
            querystring: z.object({ name: z.string().max(200).optional() }),
            consumes: [...ACCEPTED_TYPES, 'application/octet-stream'],
            body: z.any().meta({ description: 'the file', type: 'string', format: 'binary' }),
            response: { 201: FileSchema, ...problems(400, 401, 403, 404, 413, 415) },
          },
        },
        async (request, reply) => {
          const actor = actorOf(request);
          if (!Buffer.isBuffer(request.body))
            throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file itself as the body');
          const body = new Uint8Array(request.body);
          const created = await db.withOrg(scopeOf(actor, request.id), async (scope) => {
            await assetInReach(scope, actor, request.params.id);
            return attachFile(scope, config, { type: 'asset', id: request.params.id }, body, request.query.name);
          });
          return reply.code(201).send(created);
        },
      );
    },
    [...ACCEPTED_TYPES, 'application/octet-stream', 'image/gif', 'text/html', 'text/plain', 'image/svg+xml'],
  );

  app.get(
    '/api/assets/:id/attachments',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Attachments of an asset',
        params: IdParams,
        response: { 200: z.array(FileSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        await assetInReach(scope, actor, request.params.id);
        return findFiles(scope, { type: 'asset', id: request.params.id });
      });
    },
  );

  app.get(
    '/api/files/:id',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Download an attachment (always as an attachment, never inline)',
        params: IdParams,
        produces: [...ACCEPTED_TYPES],
        response: { 200: z.string().meta({ description: 'the file' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await db.withOrg(scopeOf(actor, request.id), async (scope) => {
        const f = await getFile(scope, request.params.id);
        if (f.entityType === 'asset') await assetInReach(scope, actor, f.entityId);
        return f;
      });
      const bytes = fs.readFileSync(pathOf(config, file.organisationId, file.id));
      reply
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .type(file.mime);
      return reply.send(bytes as never);
    },
  );

  app.delete(
    '/api/files/:id',
    {
      config: { permission: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Delete an attachment',
        params: IdParams,
        response: { 204: NoContent, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!can(actor.roles, 'inventory.manage')) throw new AppError('FORBIDDEN');
      const unlink = await db.withOrg(scopeOf(actor, request.id), async (scope) => {
        const f = await getFile(scope, request.params.id);
        if (f.entityType === 'asset') await assetInReach(scope, actor, f.entityId);
        return deleteFile(scope, config, request.params.id);
      });
      unlink();
      return reply.code(204).send(null);
    },
  );
}
