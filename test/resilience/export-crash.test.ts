import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { tableChecksums } from '../../src/server/backup/backup.ts';
import type { DemoAccount } from '../../src/server/bootstrap.ts';
import { openDatabase, rows } from '../../src/server/db/connection.ts';
import { DEMO_PROGRAMME } from '../../src/server/modules/funding/demo.ts';
import { engine, testConfig } from '../helpers/db.ts';
import {
  childEnv,
  demoDatabase,
  HttpAgent,
  runCli,
  type ServerProcess,
  scratchDatabase,
  startServer,
} from './helpers.ts';

/**
 * A SIGKILL in the middle of a payment-claim export (issue #10): the
 * server streaming a claim's invoices ZIP (`invoices.zip`, one PDF per
 * line, written as it is made) is killed once the first bytes reached the
 * client. The exports only read, and this shows it: every table has the
 * same rows and checksums as before the download (sessions aside: each
 * request touches its own), `socle audit verify` passes, the claim is as it
 * was, the server starts again on the same data, and the ZIP and the
 * statement (XLSX) then download complete, entry for entry identical to
 * the ones taken before the crash. No file is left behind: the data
 * directory's files and the server's temporary directory (TMPDIR) are as
 * they were.
 *
 * "In the middle" is checked, not assumed: the client got part of the ZIP
 * and its download failed (the connection died before the end).
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-export-crash-'));
const tmpDir = path.join(dir, 'tmp');
const side = {
  dataDir: path.join(dir, 'data'),
  url: null as string | null,
  drop: async (): Promise<void> => undefined,
};
const env = () =>
  childEnv({ ...(side.url ? { DATABASE_URL: side.url } : { SOCLE_DATA_DIR: side.dataDir }), TMPDIR: tmpDir });
let manager: DemoAccount;

/** Every table's row count and md5, but the sessions (each request touches its session) and pg-boss's. */
async function checksums() {
  const db = await openDatabase(testConfig({ SOCLE_DATA_DIR: side.dataDir }, side.url));
  try {
    const all = await tableChecksums(async (text) => rows<Record<string, unknown>>(db.owner, sql.raw(text)));
    return Object.fromEntries(
      Object.entries(all).filter(([name]) => name !== 'public.sessions' && !name.startsWith('pgboss.')),
    );
  } finally {
    await db.close();
  }
}

/** Files under a directory (relative path → size), the PGlite database itself aside. */
function filesUnder(root: string): Record<string, number> {
  const out: Record<string, number> = {};
  if (!fs.existsSync(root)) return out;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(root, full);
    if (rel.split(path.sep)[0] === 'pglite') continue;
    out[rel] = fs.statSync(full).size;
  }
  return out;
}

/** What the server processes left in their TMPDIR, tsx's compile cache (the loader's, not Socle's) aside. */
const tempFiles = () => fs.readdirSync(tmpDir).filter((name) => !name.startsWith('tsx-'));

/** A ZIP's entries from its central directory: name → sha256 of the content (CRC checked). */
function zipEntries(buf: Buffer): [string, string][] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: [string, string][] = [];
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    assert.equal(buf.readUInt32LE(local), 0x04034b50, 'local header');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    const data = method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw);
    assert.equal(zlib.crc32(data) >>> 0, crc >>> 0, `crc of ${name}`);
    out.push([name, createHash('sha256').update(data).digest('hex')]);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** The worksheets of an XLSX (the file's metadata carry the time it was made). */
const sheets = (xlsx: Buffer) => zipEntries(xlsx).filter(([name]) => name.startsWith('xl/'));

/** The ZIP is made this large (bytes) with uploaded scans. */
const ZIP_AT_LEAST = 32 * 1024 * 1024;

/** A one-page PDF carrying 1.5 MB of random bytes (an attached file): a scan does not compress either. */
async function scanPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]).drawText('Facture (scan)', { x: 50, y: 780 });
  await doc.attach(randomBytes(1_500_000), 'scan.bin', { mimeType: 'application/octet-stream' });
  return Buffer.from(await doc.save());
}

/** Cookie and CSRF headers of an agent, for a request with a raw body. */
const rawHeaders = (agent: HttpAgent) => ({
  cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  'x-csrf-token': agent.cookies.get('socle_csrf') ?? '',
});

async function login(server: ServerProcess): Promise<HttpAgent> {
  const agent = new HttpAgent();
  const r = await agent.request(server.base, 'POST', '/api/auth/login', {
    email: manager.email,
    password: manager.password,
  });
  assert.equal(r.status, 200);
  return agent;
}

async function download(server: ServerProcess, agent: HttpAgent, url: string): Promise<Buffer> {
  const r = await agent.request(server.base, 'GET', url);
  assert.equal(r.status, 200, url);
  return Buffer.from(await r.arrayBuffer());
}

before(async () => {
  fs.mkdirSync(tmpDir, { recursive: true });
  if (engine === 'postgres') {
    const scratch = await scratchDatabase('socle_export');
    side.url = scratch.url;
    side.drop = scratch.drop;
  }
  const accounts = await demoDatabase(side.dataDir, side.url);
  manager = accounts.find((a) => a.role === 'manager') as DemoAccount;
});

after(async () => {
  await side.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`a payment-claim export killed mid-response (${engine})`, () => {
  it('the server killed while streaming invoices.zip: data intact, the exports then complete and identical', {
    timeout: 240_000,
  }, async () => {
    // 1. A final claim of the demo programme (every paid line), and its exports taken without a crash.
    const first = await startServer(env());
    // One session for the whole test (sessions live in the database): a login writes an audit event.
    let agent: HttpAgent;
    let claimUrl: string;
    let claimBefore: unknown;
    let zipBefore: Buffer;
    let xlsxBefore: Buffer;
    try {
      agent = await login(first);
      const list = (await (await agent.request(first.base, 'GET', '/api/funding/programmes')).json()) as {
        id: string;
        name: string;
      }[];
      const programme = list.find((p) => p.name === DEMO_PROGRAMME.name);
      assert.ok(programme, 'the demo programme');
      const [convention] = (await (
        await agent.request(first.base, 'GET', `/api/funding/programmes/${programme.id}/conventions`)
      ).json()) as { id: string }[];
      assert.ok(convention, 'the demo convention');
      const created = await agent.request(first.base, 'POST', `/api/funding/programmes/${programme.id}/claims`, {
        conventionId: convention.id,
        kind: 'final',
      });
      assert.equal(created.status, 201, await created.clone().text());
      const claim = (await created.json()) as { id: string; lines: { invoiceId: string | null }[] };
      assert.ok(claim.lines.length >= 50, `a claim of many lines (${claim.lines.length})`);
      claimUrl = `/api/funding/claims/${claim.id}`;
      // Scans of the invoices, uploaded like any (1.5 MB each, incompressible), until the ZIP
      // is far larger than what the sockets buffer: a kill after its first bytes is mid-stream.
      const linesOf = new Map<string, number>();
      for (const l of claim.lines) if (l.invoiceId) linesOf.set(l.invoiceId, (linesOf.get(l.invoiceId) ?? 0) + 1);
      let zipBytes = 0;
      for (const [invoiceId, lines] of linesOf) {
        if (zipBytes > ZIP_AT_LEAST) break;
        const pdf = await scanPdf();
        const up = await fetch(`${first.base}/api/procurement/invoices/${invoiceId}/attachments?name=scan.pdf`, {
          method: 'POST',
          headers: { 'content-type': 'application/pdf', ...rawHeaders(agent) },
          body: new Uint8Array(pdf),
        });
        assert.equal(up.status, 201, await up.clone().text());
        const file = (await up.json()) as { id: string };
        const set = await agent.request(first.base, 'PUT', `/api/procurement/invoices/${invoiceId}/file`, {
          fileId: file.id,
        });
        assert.equal(set.status, 200, await set.text());
        zipBytes += pdf.length * lines;
      }
      assert.ok(zipBytes > ZIP_AT_LEAST, `uploaded scans for ${zipBytes} bytes of ZIP`);
      claimBefore = await (await agent.request(first.base, 'GET', claimUrl)).json();
      zipBefore = await download(first, agent, `${claimUrl}/invoices.zip`);
      xlsxBefore = await download(first, agent, `${claimUrl}/statement.xlsx`);
      assert.equal(zipEntries(zipBefore).length, claim.lines.length + 1, 'one PDF per line and the manifest');
    } finally {
      assert.equal(await first.stop(), 0);
    }
    const tablesBefore = await checksums();
    const filesBefore = filesUnder(side.dataDir);
    assert.deepEqual(tempFiles(), [], 'no temporary file after the exports');

    // 2. The same download, and SIGKILL once its first bytes arrived.
    const doomed = await startServer(env());
    let received = 0;
    let outcome: string;
    try {
      const r = await agent.request(doomed.base, 'GET', `${claimUrl}/invoices.zip`);
      assert.equal(r.status, 200);
      const reader = (r.body as ReadableStream<Uint8Array>).getReader();
      const chunk = await reader.read();
      received += chunk.value?.length ?? 0;
      assert.ok(received > 0 && received < zipBefore.length, 'part of the ZIP arrived');
      await doomed.kill();
      outcome = 'complete';
      try {
        for (;;) {
          const next = await reader.read();
          if (next.done) break;
          received += next.value.length;
        }
      } catch {
        outcome = 'connection lost';
      }
    } finally {
      await doomed.kill();
    }
    assert.equal(doomed.child.signalCode, 'SIGKILL');
    assert.equal(outcome, 'connection lost', `the download was cut (${received} of ${zipBefore.length} bytes)`);
    assert.ok(received < zipBefore.length, `${received} of ${zipBefore.length} bytes`);

    // 3. The data: every table as it was, the audit chain intact, no file left behind.
    assert.deepEqual(await checksums(), tablesBefore, 'every table as before the download');
    const verify = await runCli(['audit', 'verify', '--json'], env());
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.equal((JSON.parse(verify.stdout) as { ok: boolean }).ok, true);
    assert.deepEqual(filesUnder(side.dataDir), filesBefore, 'the files directory as it was');
    assert.deepEqual(tempFiles(), [], 'no temporary file of the killed export');

    // 4. A new process on the same data: the claim as it was, the exports complete and identical.
    const again = await startServer(env());
    try {
      assert.deepEqual(await (await agent.request(again.base, 'GET', claimUrl)).json(), claimBefore);
      const zip = await download(again, agent, `${claimUrl}/invoices.zip`);
      assert.deepEqual(zipEntries(zip), zipEntries(zipBefore), 'the same entries, the same bytes');
      assert.deepEqual(sheets(await download(again, agent, `${claimUrl}/statement.xlsx`)), sheets(xlsxBefore));
    } finally {
      assert.equal(await again.stop(), 0, 'graceful stop after the restart');
    }
    assert.deepEqual(tempFiles(), [], 'no temporary file after the restart');
  });
});
