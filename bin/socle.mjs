#!/usr/bin/env node
// The `socle` command. From a source checkout it runs the TypeScript sources
// through tsx; from an installed build (no tsx), the bundle in dist/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'src', 'cli', 'main.ts');
let cli;
let tsx = null;
try {
  tsx = await import('tsx/esm/api');
} catch {
  tsx = null;
}
if (tsx && fs.existsSync(source)) {
  tsx.register();
  cli = await import(pathToFileURL(source).href);
} else {
  cli = await import(pathToFileURL(path.join(root, 'dist', 'cli', 'main.js')).href);
}
await cli.runCli(process.argv);
