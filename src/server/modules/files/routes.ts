import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Permission } from '../../../shared/permissions.ts';
import { can } from '../../../shared/permissions.ts';
import { assets, contracts, invoices } from '../../db/schema.ts';
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

/** Entity types that take attachments, with the permissions to read and to write them. */
const ENTITY_PERMISSIONS: Record<string, { read: Permission; write: Permission }> = {
  asset: { read: 'inventory.read', write: 'inventory.manage' },
  contract: { read: 'funding.read', write: 'funding.manage' },
  invoice: { read: 'funding.read', write: 'funding.manage' },
};

/**
 * Attachments of assets, contracts (marchés) and invoices. Downloads are always `Content-Disposition:
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

  /** The actor may read (or write) this entity's files, and the entity is theirs; otherwise 403 or 404. */
  const entityInReach = async (
    scope: Parameters<Parameters<typeof db.withOrg>[1]>[0],
    actor: ReturnType<typeof actorOf>,
    entity: { type: string; id: string },
    mode: 'read' | 'write',
  ) => {
    const rule = ENTITY_PERMISSIONS[entity.type];
    if (!rule) throw notFound('File');
    if (!can(actor.roles, rule[mode])) throw new AppError('FORBIDDEN', `Missing permission ${rule[mode]}`);
    if (entity.type === 'asset') return assetInReach(scope, actor, entity.id);
    const table = entity.type === 'contract' ? contracts : invoices;
    const [found] = await scope.tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, entity.id), eq(table.organisationId, scope.organisationId)));
    if (!found) throw notFound(entity.type === 'contract' ? 'Contract' : 'Invoice');
  };

  // Contracts' and invoices' documents (the invoice's PDF is then chosen with PUT /api/procurement/invoices/:id/file).
  const procurementEntities = [
    { type: 'contract', path: '/api/procurement/contracts/:id/attachments', what: 'a contract' },
    { type: 'invoice', path: '/api/procurement/invoices/:id/attachments', what: 'an invoice' },
  ] as const;

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
      for (const entity of procurementEntities) {
        scoped.post(
          entity.path,
          {
            config: { permission: 'funding.manage' },
            bodyLimit: config.uploads.maxBytes,
            schema: {
              tags,
              summary: `Attach a PDF or a photo (JPEG, PNG, WebP) to ${entity.what}; the type is read from the content`,
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
            const target = { type: entity.type, id: request.params.id };
            const created = await db.withOrg(scopeOf(actor, request.id), async (scope) => {
              await entityInReach(scope, actor, target, 'write');
              return attachFile(scope, config, target, body, request.query.name);
            });
            return reply.code(201).send(created);
          },
        );
      }
    },
    [...ACCEPTED_TYPES, 'application/octet-stream', 'image/gif', 'text/html', 'text/plain', 'image/svg+xml'],
  );

  for (const entity of procurementEntities) {
    app.get(
      entity.path,
      {
        config: { permission: 'funding.read' },
        schema: {
          tags,
          summary: `Attachments of ${entity.what}`,
          params: IdParams,
          response: { 200: z.array(FileSchema), ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return db.withOrg(scopeOf(actor, request.id), async (scope) => {
          const target = { type: entity.type, id: request.params.id };
          await entityInReach(scope, actor, target, 'read');
          return findFiles(scope, target);
        });
      },
    );
  }

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
      schema: {
        tags,
        summary:
          'Download an attachment (always as an attachment, never inline); inventory.read for assets’ files, funding.read for contracts’ and invoices’',
        params: IdParams,
        produces: [...ACCEPTED_TYPES],
        response: { 200: z.string().meta({ description: 'the file' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await db.withOrg(scopeOf(actor, request.id), async (scope) => {
        const f = await getFile(scope, request.params.id);
        await entityInReach(scope, actor, { type: f.entityType, id: f.entityId }, 'read');
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
      schema: {
        tags,
        summary:
          'Delete an attachment (inventory.manage for assets’ files, funding.manage for contracts’ and invoices’; an invoice’s PDF is unset)',
        params: IdParams,
        response: { 204: NoContent, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const unlink = await db.withOrg(scopeOf(actor, request.id), async (scope) => {
        const f = await getFile(scope, request.params.id);
        await entityInReach(scope, actor, { type: f.entityType, id: f.entityId }, 'write');
        if (f.entityType === 'invoice') {
          await scope.tx.update(invoices).set({ fileId: null }).where(eq(invoices.fileId, f.id));
        }
        return deleteFile(scope, config, request.params.id);
      });
      unlink();
      return reply.code(204).send(null);
    },
  );
}
