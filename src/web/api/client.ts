import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

/**
 * The typed API client, generated from the server's OpenAPI document
 * (`npm run openapi`). Cookie sessions need the CSRF token echoed in the
 * X-CSRF-Token header of state-changing requests: it is read from the
 * `socle_csrf` cookie, or else from the last /api/auth/me answer.
 */

export type Schemas = components['schemas'];
export type Me = Schemas['Me'];
export type User = Schemas['User'];
export type AuditEvent = Schemas['AuditEvent'];
export type ApiToken = Schemas['ApiToken'];
export type NewApiToken = Schemas['NewApiToken'];
export type PublicInfo = Schemas['PublicInfo'];
export type Role = Me['user']['roles'][number];
export type Permission = Me['permissions'][number];
export type School = Schemas['School'];
export type SchoolSummary = Schemas['SchoolSummary'];
export type SchoolKind = School['kind'];
export type PriorityEducation = School['priorityEducation'];
export type SchoolStatus = School['status'];
export type SchoolNetwork = Schemas['SchoolNetwork'];
export type SchoolYear = Schemas['SchoolYear'];
export type SchoolClass = Schemas['SchoolClass'];
export type Level = SchoolClass['levels'][number];
export type Room = Schemas['Room'];
export type RoomKind = Room['kind'];
export type Building = Schemas['Building'];
export type SchoolOption = Schemas['SchoolOption'];
export type SchoolMapPoint = Schemas['SchoolMapPoint'];
export type ImportReport = Schemas['SchoolImportReport'];
export type Asset = Schemas['Asset'];
export type AssetDetail = Schemas['AssetDetail'];
export type AssetStatus = Asset['status'];
export type AssetEvent = Schemas['AssetEvent'];
export type AssetCategory = Schemas['AssetCategory'];
export type CategoryRole = AssetCategory['role'];
export type AssetModel = Schemas['AssetModel'];
export type Manufacturer = Schemas['Manufacturer'];
export type StockLocation = Schemas['StockLocation'];
export type BulkAssetInput = Schemas['BulkAssetInput'];
export type BulkAssetResult = Schemas['BulkAssetResult'];
export type EquipmentSummary = Schemas['EquipmentSummary'];
export type InventoryRound = Schemas['InventoryRound'];
export type InventoryScanResult = Schemas['InventoryScanResult'];
export type AssetImportPreview = Schemas['AssetImportPreview'];
export type AssetImportReport = Schemas['AssetImportReport'];
export type WarrantyDigest = Schemas['WarrantyDigest'];
export type AppNotification = Schemas['Notification'];

export const CSRF_COOKIE = 'socle_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let knownCsrfToken: string | null = null;

/** Remembers the token of the session described by /api/auth/me or the login answer. */
export function rememberCsrfToken(token: string | null): void {
  knownCsrfToken = token;
}

export function readCookie(name: string, cookieString: string = document.cookie): string | null {
  for (const part of cookieString.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The token to echo in X-CSRF-Token (requests made without the typed client, e.g. uploads). */
export function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? knownCsrfToken;
}

export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
    const token = csrfToken();
    if (token) request.headers.set('X-CSRF-Token', token);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrfMiddleware);

/** One invalid field of an RFC 9457 problem (`body.email`, `password`, …). */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly requestId?: string;
  readonly errors?: readonly FieldProblem[];
  readonly retryAfter?: number;
  /** ORGANISATION_REQUIRED: the organisations the credentials match. */
  readonly organisations?: readonly { readonly slug: string; readonly name: string }[];
  /** Import errors: the import report (counts, every rejected row). */
  readonly report?: unknown;
  /** ASSET_INVALID_TRANSITION: the statuses allowed from the current one. */
  readonly allowed?: readonly string[];
  /** ASSET_VERSION_CONFLICT: the version now stored. */
  readonly currentVersion?: number;
}

/** An error answer of the API, or a network failure (status 0, code NETWORK). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.status = problem.status;
    this.code = problem.code;
  }
}

export function toProblem(body: unknown, response: Pick<Response, 'status' | 'statusText'>): Problem {
  if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
    return { ...(body as Problem), status: response.status };
  }
  return {
    status: response.status,
    code: response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
    detail: typeof body === 'string' && body ? body.slice(0, 200) : response.statusText,
  };
}

/**
 * Unwraps an openapi-fetch answer: the data on success, an ApiError
 * otherwise. `await unwrap(api.GET('/api/users', …))`.
 */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (error) {
    throw new ApiError({
      status: 0,
      code: 'NETWORK',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  if (!result.response.ok) throw new ApiError(toProblem(result.error, result.response));
  return result.data as T;
}

/** The API answered that there is no valid session. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED');
}
