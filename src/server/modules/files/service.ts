import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Scope } from '../../db/connection.ts';
import { files } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { safeName, sniffType } from './rules.ts';

/**
 * Attachments: bytes on disk under <data dir>/files/<organisation>/,
 * metadata in the database. Written to a temporary name and renamed, so a
 * reader never sees half a file.
 */

function dirOf(config: Config, organisationId: string): string {
  return path.join(config.dataDir, 'files', organisationId);
}

export function pathOf(config: Config, organisationId: string, id: string): string {
  return path.join(dirOf(config, organisationId), id);
}

function present(f: typeof files.$inferSelect) {
  return { id: f.id, name: f.name, mime: f.mime, size: f.size, createdAt: f.createdAt.toISOString() };
}

export async function attachFile(
  scope: Scope,
  config: Config,
  entity: { type: string; id: string },
  bytes: Uint8Array,
  name: string | undefined,
) {
  if (bytes.length === 0) throw new AppError('BAD_REQUEST', 'The file is empty');
  if (bytes.length > config.uploads.maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Files are limited to ${Math.round(config.uploads.maxBytes / 1_048_576)} MB`,
    );
  }
  const mime = sniffType(bytes);
  if (!mime)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Accepted files: JPEG, PNG or WebP photos, and PDF documents');
  const id = randomUUID();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const [row] = await scope.tx
    .insert(files)
    .values({
      id,
      organisationId: scope.organisationId,
      entityType: entity.type,
      entityId: entity.id,
      name: safeName(name, mime),
      mime,
      size: bytes.length,
      sha256,
      createdBy: scope.userId,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const dir = dirOf(config, scope.organisationId);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${id}.tmp`);
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, path.join(dir, id));
  await recordAudit(scope, {
    action: 'file.attached',
    entityType: entity.type,
    entityId: entity.id,
    after: { fileId: id, name: row.name, mime, size: bytes.length, sha256 },
  });
  return present(row);
}

export async function findFiles(scope: Scope, entity: { type: string; id: string }) {
  const found = await scope.tx
    .select()
    .from(files)
    .where(and(eq(files.entityType, entity.type), eq(files.entityId, entity.id)))
    .orderBy(asc(files.createdAt));
  return found.map(present);
}

export async function getFile(scope: Scope, id: string) {
  const [row] = await scope.tx.select().from(files).where(eq(files.id, id));
  if (!row) throw notFound('File');
  return row;
}

export async function deleteFile(scope: Scope, config: Config, id: string) {
  const row = await getFile(scope, id);
  await scope.tx.delete(files).where(eq(files.id, id));
  await recordAudit(scope, {
    action: 'file.deleted',
    entityType: row.entityType,
    entityId: row.entityId,
    before: { fileId: id, name: row.name, sha256: row.sha256 },
  });
  return () => fs.rmSync(pathOf(config, row.organisationId, id), { force: true });
}
