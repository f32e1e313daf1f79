import type { App } from './types.ts';

/** Largest file accepted by import routes. */
export const UPLOAD_BODY_LIMIT = 64 * 1024 * 1024;

const RAW_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/**
 * Routes that take a file as their raw body (imports). The parsers are
 * scoped to the routes registered in `register`: everywhere else a CSV body
 * stays an unsupported media type.
 */
export function withRawUploads(app: App, register: (scoped: App) => void, types: readonly string[] = RAW_TYPES): void {
  app.register(async (scoped: App) => {
    for (const type of types) {
      scoped.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_req, body, done) =>
        done(null, body),
      );
    }
    register(scoped);
  });
}
