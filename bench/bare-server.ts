import fs from 'node:fs';
import Fastify from 'fastify';

/**
 * The baseline of the auth/me benchmark: a bare Fastify 5 app (no logger, no
 * plugins, no hooks, no schema) whose GET /api/auth/me returns a constant —
 * the JSON body the real route returned once, read from BENCH_BODY_FILE.
 * Run by bench/run.ts in its own process, never by hand.
 */

const bodyFile = process.env.BENCH_BODY_FILE;
const port = Number(process.env.PORT);
if (!bodyFile || !Number.isInteger(port) || port <= 0) {
  process.stderr.write('bare-server: set BENCH_BODY_FILE and PORT\n');
  process.exit(2);
}

const body: unknown = JSON.parse(fs.readFileSync(bodyFile, 'utf8'));

const app = Fastify({ logger: false });
app.get('/api/auth/me', async () => body);

process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});

await app.listen({ port, host: '127.0.0.1' });
