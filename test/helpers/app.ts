import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/http/types.ts';
import { loadSecrets } from '../../src/server/secrets.ts';
import { createTestDatabase, type TestDatabase, type TestSeed } from './db.ts';

/**
 * The real application on a real database, driven through Fastify's
 * `inject` (no socket). `Agent` keeps cookies like a browser and sends the
 * CSRF header the web UI sends.
 */

export interface TestApp extends TestDatabase {
  readonly app: App;
  agent(): Agent;
}

export async function createTestApp(
  extraEnv: Record<string, string> = {},
  options: { seed?: TestSeed } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(extraEnv, options);
  const secrets = await loadSecrets(database.db, database.config);
  const app = await buildApp(
    { config: database.config, db: database.db, jobs: null, secrets },
    { webDir: null, logger: false },
  );
  await app.ready();
  return {
    ...database,
    app,
    agent: () => new Agent(app),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Do not send the CSRF header (to test CSRF protection). */
  noCsrf?: boolean;
  query?: Record<string, string>;
}

export class Agent {
  readonly cookies = new Map<string, string>();
  bearer: string | null = null;
  ip = '127.0.0.1';

  constructor(readonly app: App) {}

  async request(method: Method, url: string, options: RequestOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('socle_csrf');
    if (csrf && !options.noCsrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const response = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(options.query ? { query: options.query } : {}),
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    for (const c of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0 || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  get = (url: string, options?: RequestOptions) => this.request('GET', url, options);
  post = (url: string, body?: unknown, options?: RequestOptions) => this.request('POST', url, { ...options, body });
  patch = (url: string, body?: unknown, options?: RequestOptions) => this.request('PATCH', url, { ...options, body });
  put = (url: string, body?: unknown, options?: RequestOptions) => this.request('PUT', url, { ...options, body });
  delete = (url: string, options?: RequestOptions) => this.request('DELETE', url, options);

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    return response;
  }
}

export const json = <T = Record<string, unknown>>(response: LightMyRequestResponse): T => response.json() as T;
