// Builds what `npm start` serves: the web UI (Vite → dist/web) and the
// server + CLI bundles (esbuild → dist/server/main.js, dist/cli/main.js).
// Dependencies stay external (node_modules); migrations/ and the seed data
// are found at run time from the package root.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();

const vite = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (vite.status !== 0) process.exit(vite.status ?? 1);

// Brotli and gzip twins of the web files, served by @fastify/static (`preCompressed`) to browsers
// that accept them: the UI's JavaScript weighs ~4× less on a school's network. Done once here at
// the highest levels rather than per request.
let compressed = 0;
for (const entry of fs.readdirSync(path.join(root, 'dist/web'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  const data = fs.readFileSync(file);
  if (data.length < 1024) continue;
  fs.writeFileSync(
    `${file}.br`,
    zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  );
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
  compressed += 1;
}

await build({
  absWorkingDir: root,
  entryPoints: { 'server/main': 'src/server/main.ts', 'cli/main': 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`Socle built in ${((Date.now() - started) / 1000).toFixed(1)} s (${compressed} web files precompressed)`);
