import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Adapter, type AdapterPayload } from 'oidc-provider';

/**
 * A real OpenID provider (`oidc-provider`) on loopback http, for the tests
 * of single sign-on. Plain http is fine here: Socle gives openid-client
 * `allowInsecureRequests` only for http issuers on a loopback host outside
 * production (identity/rules.ts `issuerPolicy`).
 *
 * The login interaction is a minimal custom one: whoever `signInAs` names is
 * signed in and consents, no form. Its storage is an inspectable map, so a
 * test can expire an authorisation code without waiting.
 */

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface TestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly accounts: Map<string, TestAccount>;
  /** The subject the next interaction signs in. */
  signInAs(subject: string): void;
  /** Makes every stored authorisation code expired. */
  expireCodes(): void;
  close(): Promise<void>;
}

export async function startTestProvider(options: {
  redirectUri: string;
  postLogoutRedirectUri: string;
}): Promise<TestProvider> {
  const store = new Map<string, AdapterPayload>();
  class MapAdapter implements Adapter {
    constructor(readonly model: string) {}
    private key = (id: string) => `${this.model}:${id}`;
    async upsert(id: string, payload: AdapterPayload) {
      store.set(this.key(id), { ...payload });
      if (this.model === 'Session' && payload.uid) store.set(`SessionUid:${payload.uid}`, { jti: id });
    }
    async find(id: string) {
      return store.get(this.key(id));
    }
    async findByUid(uid: string) {
      const ref = store.get(`SessionUid:${uid}`);
      return ref?.jti ? store.get(this.key(ref.jti)) : undefined;
    }
    async findByUserCode() {
      return undefined;
    }
    async consume(id: string) {
      const payload = store.get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [k, v] of store) if (v.grantId === grantId) store.delete(k);
    }
  }

  let current: string | null = null;
  const accounts = new Map<string, TestAccount>();
  const clientId = 'socle-test';
  const clientSecret = 'a long client secret for the tests';

  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    adapter: MapAdapter,
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    cookies: { keys: ['oidc test cookie key'] },
    ttl: { AccessToken: 600, AuthorizationCode: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    scopes: ['openid', 'email', 'profile', 'groups'],
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...account }) };
    },
  });

  const callback = provider.callback();
  handler = (req, res) => {
    if (!req.url?.startsWith('/interaction/')) {
      callback(req, res);
      return;
    }
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        if (!current) throw new Error('no test account to sign in');
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: current } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({
        accountId: String(details.session?.accountId),
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  };

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signInAs: (subject) => {
      current = subject;
    },
    expireCodes: () => {
      for (const [k, v] of store) if (k.startsWith('AuthorizationCode:')) v.exp = Math.floor(Date.now() / 1000) - 60;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A minimal cookie jar for the browser's side of the provider. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  store(setCookies: string[]): void {
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * Follows the provider's redirects (authorisation, interaction, consent) like
 * a browser until it sends the browser back to `until`; returns that URL.
 */
export async function followToCallback(start: string, until: string, jar: CookieJar = new CookieJar()): Promise<URL> {
  let location = start;
  for (let i = 0; i < 15; i++) {
    if (location.startsWith(until)) return new URL(location);
    const r = await fetch(location, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(r.headers.getSetCookie());
    const next = r.headers.get('location');
    if (!next) throw new Error(`provider answered ${r.status} without a redirect: ${(await r.text()).slice(0, 300)}`);
    location = new URL(next, location).href;
  }
  throw new Error('too many redirects');
}
