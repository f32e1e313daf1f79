// `npm run dev`: the API server with hot reload (node --watch through tsx,
// on PORT, 3000 by default) and the Vite dev server (port 5173) proxying
// /api to it (see vite.config.ts). The environment passes through to the
// API server (DATABASE_URL, SOCLE_*). Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3000';

const api = spawn(process.execPath, ['--import', 'tsx', '--watch', 'src/server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: port },
});

const vite = await createServer({ root, configFile: path.join(root, 'vite.config.ts') });
await vite.listen();
vite.printUrls();
console.log(`  ➜  API:     http://localhost:${port}/api/docs (proxied under /api)`);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  api.kill('SIGTERM');
  await vite.close();
  process.exit(code);
}

api.on('exit', (code, signal) => {
  if (!stopping) {
    console.error(`API server stopped (${signal ?? code}); stopping the dev server`);
    void stop(code ?? 1);
  }
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
