import fs from 'node:fs';
import Fastify from 'fastify';

/**
 * The ceiling of the mixed benchmark: a bare Fastify 5 app (no logger,
 * plugins, hooks or schemas) serving each route of the mix with the status
 * and JSON body the real route answered once, from constants read from
 * BENCH_ROUTES_FILE (`[{ method, path, status, body }]`; `path` without its
 * query string). Writes parse their JSON body and answer the constant.
 * Run by bench/mixed.ts in its own process, never by hand.
 */

const routesFile = process.env.BENCH_ROUTES_FILE;
const port = Number(process.env.PORT);
if (!routesFile || !Number.isInteger(port) || port <= 0) {
  process.stderr.write('mixed-bare-server: set BENCH_ROUTES_FILE and PORT\n');
  process.exit(2);
}

const routes = JSON.parse(fs.readFileSync(routesFile, 'utf8')) as {
  method: 'GET' | 'POST';
  path: string;
  status: number;
  body: unknown;
}[];

const app = Fastify({ logger: false });
for (const r of routes) {
  app.route({ method: r.method, url: r.path, handler: async (_req, reply) => reply.code(r.status).send(r.body) });
}

process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});

await app.listen({ port, host: '127.0.0.1' });
