import { Option } from 'commander';
import {
  createSocleClient,
  formatProblem,
  type Schemas,
  SocleApiError,
  type SocleClient,
  unwrap,
} from '../client/index.ts';

/**
 * Remote mode of the data commands (`import schools|assets`, `labels`): with
 * `--url`/`--token` or SOCLE_URL + SOCLE_TOKEN they call a running server's
 * API with the token instead of opening the database, so they work while the
 * server holds the embedded PGlite directory (one process at a time). The
 * token's owner and organisation decide what is allowed, as in the web UI.
 * The token is never printed; problem+json answers become one clear message.
 */

/** An error of remote mode, printed as `socle: message`; exit 3 when the server cannot be reached. */
export class RemoteError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

export interface RemoteTarget {
  readonly url: string;
  readonly client: SocleClient;
}

export interface RemoteOptions {
  url?: string;
  token?: string;
}

/** `--url` for a command that can run against a server (SOCLE_URL). */
export const urlOption = () =>
  new Option('--url <url>', 'call this running server’s API instead of opening the database').env('SOCLE_URL');

/** `--token` for `--url` (SOCLE_TOKEN; the environment is preferred: command lines are visible to other users). */
export const tokenOption = () =>
  new Option('--token <token>', 'API token for --url (prefer SOCLE_TOKEN)').env('SOCLE_TOKEN');

/** The server to call, or null for local mode. Half a configuration is an error, not a silent local run. */
export function remoteTarget(opts: RemoteOptions): RemoteTarget | null {
  const url = opts.url?.trim() || undefined;
  const token = opts.token?.trim() || undefined;
  if (!url && !token) return null;
  if (!url) throw new RemoteError('An API token is set but no server: give --url or SOCLE_URL');
  if (!token) throw new RemoteError(`No API token for ${url}: give --token or SOCLE_TOKEN`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RemoteError('--url / SOCLE_URL must be an http(s) URL such as https://socle.example.org');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RemoteError('--url / SOCLE_URL must be an http(s) URL such as https://socle.example.org');
  }
  // Shown in messages: never credentials, whatever the URL carries.
  const shown = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  return { url: shown, client: createSocleClient({ url: shown, token }) };
}

async function call<T>(target: RemoteTarget, pending: Promise<{ data?: T; error?: unknown; response: Response }>) {
  try {
    return await unwrap(pending);
  } catch (error) {
    if (error instanceof SocleApiError) {
      if (error.status === 0) {
        throw new RemoteError(`Cannot reach ${target.url}: ${error.problem.detail}`, 3);
      }
      throw new RemoteError(formatProblem(error.problem));
    }
    throw error;
  }
}

/** With `--organisation`, refuses a token of another organisation (the token decides which one). */
export async function checkOrganisation(target: RemoteTarget, slug: string | undefined): Promise<void> {
  if (!slug) return;
  const me = await call(target, target.client.GET('/api/auth/me'));
  if (me.organisation.slug !== slug) {
    throw new RemoteError(
      `The API token belongs to organisation "${me.organisation.slug}", not "${slug}"; drop --organisation or use a token of "${slug}"`,
    );
  }
}

const raw = (bytes: Uint8Array) => ({
  body: bytes as unknown as string,
  bodySerializer: (b: unknown) => b as BodyInit,
  headers: { 'content-type': 'application/octet-stream' },
});

export async function remoteImportSchools(
  target: RemoteTarget,
  bytes: Uint8Array,
  opts: {
    format?: 'annuaire' | 'effectifs' | 'ips' | 'socle' | undefined;
    dryRun?: boolean | undefined;
    skipInvalid?: boolean | undefined;
    allCommunes?: boolean | undefined;
  },
): Promise<Schemas['SchoolImportReport']> {
  return call(
    target,
    target.client.POST('/api/schools/import', {
      params: {
        query: {
          ...(opts.format ? { format: opts.format } : {}),
          dryRun: opts.dryRun ? 'true' : 'false',
          skipInvalid: opts.skipInvalid ? 'true' : 'false',
          ...(opts.allCommunes ? { scope: 'all' as const } : {}),
        },
      },
      ...raw(bytes),
    }),
  );
}

export async function remoteImportAssets(
  target: RemoteTarget,
  bytes: Uint8Array,
  opts: {
    format?: 'socle' | 'snipeit' | 'glpi' | undefined;
    mapping?: Record<string, string> | undefined;
    dryRun?: boolean | undefined;
    skipInvalid?: boolean | undefined;
    createMissing?: boolean | undefined;
  },
): Promise<Schemas['AssetImportReport']> {
  return call(
    target,
    target.client.POST('/api/assets/import', {
      params: {
        query: {
          ...(opts.format ? { format: opts.format } : {}),
          ...(opts.mapping ? { mapping: JSON.stringify(opts.mapping) } : {}),
          dryRun: opts.dryRun ? 'true' : 'false',
          skipInvalid: opts.skipInvalid ? 'true' : 'false',
          createMissing: opts.createMissing ? 'true' : 'false',
        },
      },
      ...raw(bytes),
    }),
  );
}

/** Most tags one label request takes (LabelsSchema). */
const MAX_LABELS = 2000;

/**
 * The label sheet of `--tags`, or of every asset of `--school` (UAI) with
 * `--status`, as the server draws it; the number of labels and the PDF.
 */
export async function remoteLabels(
  target: RemoteTarget,
  opts: {
    tags?: string | undefined;
    school?: string | undefined;
    status?: string | undefined;
    layout: string;
    skip: number;
  },
): Promise<{ count: number; pdf: Uint8Array }> {
  let tags = opts.tags
    ? opts.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    : [];
  if (opts.school) {
    const uai = opts.school.trim().toUpperCase();
    const found = await call(
      target,
      target.client.GET('/api/schools', { params: { query: { q: uai, status: 'all', limit: 50 } } }),
    );
    const school = found.items.find((s) => s.uai === uai);
    if (!school) throw new RemoteError(`No school with UAI ${opts.school}`);
    const fromSchool: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await call(
        target,
        target.client.GET('/api/assets', {
          params: {
            query: { schoolId: school.id, ...(opts.status ? { status: opts.status } : {}), limit: 500, offset },
          },
        }),
      );
      fromSchool.push(...page.items.map((a) => a.tag));
      if (page.items.length < 500) break;
    }
    // With --tags too, the local command keeps the tags of that school only.
    tags = opts.tags ? tags.filter((t) => fromSchool.includes(t)) : fromSchool;
  }
  if (!tags.length) throw new RemoteError('No asset matches');
  if (tags.length > MAX_LABELS) {
    throw new RemoteError(`${tags.length} labels asked; at most ${MAX_LABELS} per sheet — narrow with --status`);
  }
  const pdf = await call(
    target,
    target.client.POST('/api/assets/labels', {
      body: { tags, layout: opts.layout as 'a4-3x8' | 'a4-4x10' | 'a4-2x7', skip: opts.skip },
      parseAs: 'arrayBuffer',
    }),
  );
  return { count: tags.length, pdf: new Uint8Array(pdf as unknown as ArrayBuffer) };
}
