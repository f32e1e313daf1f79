import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The migrations folder sits at the package root. Walk up from this module so
 * the same code finds it from `src/` (tsx) and from the bundle in `dist/`.
 */
let cached: string | null = null;

export function migrationsFolder(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'migrations');
    if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) {
      cached = candidate;
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('migrations/meta/_journal.json not found above the server code');
    dir = parent;
  }
}

export function readJournal(): { entries: { idx: number; tag: string; when: number }[] } {
  return JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'));
}
