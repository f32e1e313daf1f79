import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../web/api/schema.d.ts';

/**
 * The typed Socle API client for integrators and scripts (Node ≥ 20, Deno,
 * Bun, browsers): openapi-fetch over the types generated from the committed
 * OpenAPI document, authenticated with an API token (`socle token create`
 * or the account page). Bearer requests need no CSRF header. Nothing here
 * touches the DOM or the server's code.
 *
 *   const socle = createSocleClient({ url: 'https://socle.example.org', token: process.env.SOCLE_TOKEN });
 *   const { items } = await unwrap(socle.GET('/api/loans', { params: { query: { overdue: 'true' } } }));
 */

export type { components, paths };
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type SocleClient = Client<paths>;

export interface SocleClientOptions {
  /** The server's root URL (`https://socle.example.org`), without `/api`. */
  readonly url: string;
  /** An API token, `socle_pat_…`. */
  readonly token: string;
  /** Another fetch (tests, proxies). */
  readonly fetch?: typeof globalThis.fetch;
}

export function createSocleClient(options: SocleClientOptions): SocleClient {
  const baseUrl = options.url.replace(/\/+$/, '');
  return createClient<paths>({
    baseUrl,
    headers: { authorization: `Bearer ${options.token}`, accept: 'application/json, application/problem+json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** An error answer of the API (its RFC 9457 problem), or a network failure (status 0, code NETWORK). */
export class SocleApiError extends Error {
  override name = 'SocleApiError';
  readonly status: number;
  readonly code: string;
  constructor(readonly problem: Pick<Problem, 'status' | 'code' | 'title' | 'detail'> & Partial<Problem>) {
    super(problem.detail || problem.title || problem.code);
    this.status = problem.status;
    this.code = problem.code;
  }
}

function toProblem(body: unknown, response: Response): SocleApiError['problem'] {
  if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
    return {
      title: response.statusText,
      detail: '',
      ...(body as Partial<Problem>),
      code: body.code,
      status: response.status,
    };
  }
  return {
    status: response.status,
    code: response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
    title: response.statusText || `HTTP ${response.status}`,
    detail: typeof body === 'string' && body ? body.slice(0, 200) : '',
  };
}

/**
 * The data of an openapi-fetch answer, or a SocleApiError:
 * `await unwrap(socle.GET('/api/schools'))`.
 */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (error) {
    const cause =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new SocleApiError({ status: 0, code: 'NETWORK', title: 'Server unreachable', detail: cause });
  }
  if (!result.response.ok) throw new SocleApiError(toProblem(result.error, result.response));
  return result.data as T;
}

/** A problem as lines for a terminal: `Title: detail`, then one indented line per invalid field. */
export function formatProblem(problem: SocleApiError['problem']): string {
  const head =
    problem.detail && problem.detail !== problem.title
      ? `${problem.title ? `${problem.title}: ` : ''}${problem.detail}`
      : (problem.title ?? problem.code);
  const status = problem.status ? ` (HTTP ${problem.status} ${problem.code})` : '';
  const fields = (problem.errors ?? []).map((f) => `\n  ${f.path}: ${f.message}`).join('');
  return `${head}${status}${fields}`;
}
