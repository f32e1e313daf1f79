/**
 * One error type with stable codes, one code → status table, one handler
 * (in app.ts). The `code` is what clients and the web UI translate; `detail`
 * is a human sentence in English for API users and logs; internals never
 * leave the server.
 */

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  PASSWORD_TOO_WEAK: 400,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  ORGANISATION_REQUIRED: 409,
  ASSET_INVALID_TRANSITION: 409,
  ASSET_VERSION_CONFLICT: 409,
  ASSET_WIPE_REQUIRED: 409,
  ASSET_IN_CART: 409,
  ASSET_NOT_IN_CART: 409,
  LOAN_INVALID_STATE: 409,
  LOAN_DEVICE_TAKEN: 409,
  LOAN_DEVICE_UNAVAILABLE: 409,
  LOAN_NOT_ACCEPTED: 409,
  LOAN_CAMPAIGN_CLOSED: 409,
  LOAN_LOCATION_NOT_ALLOWED: 409,
  HOUSEHOLD_LOAN_OPEN: 409,
  FUNDING_RULE_INVALID: 400,
  FUNDING_OVER_100: 409,
  FUNDING_AMOUNTS_INVALID: 400,
  SIRET_INVALID: 400,
  ORDER_INVALID_STATE: 409,
  DELIVERY_OVER_ORDERED: 409,
  DELIVERY_SERIALS_INVALID: 400,
  INVOICE_LINE_TAKEN: 409,
  CLAIM_INVALID_STATE: 409,
  CLAIM_LINE_TAKEN: 409,
  CLAIM_LINE_NOT_CLAIMABLE: 409,
  CLAIM_CAP_EXCEEDED: 409,
  SERVICE_IN_USE: 409,
  SUBSCRIPTION_PERIOD_TAKEN: 409,
  BOOKING_CONFLICT: 409,
  BOOKING_INVALID_STATE: 409,
  BOOKING_RESOURCE_UNAVAILABLE: 409,
  TRAINING_FULL: 409,
  TRAINING_INVALID_STATE: 409,
  HELPDESK_INVALID_TRANSITION: 409,
  HELPDESK_INVALID_STATE: 409,
  HELPDESK_REOPEN_EXPIRED: 409,
  MAIL_NOT_CONFIGURED: 409,
  MAIL_SEND_FAILED: 502,
  LINK_INVALID: 404,
  LINK_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  LOGIN_THROTTLED: 429,
  INTERNAL: 500,
  NOT_READY: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Invalid input',
  BAD_REQUEST: 'Bad request',
  UNAUTHENTICATED: 'Authentication required',
  INVALID_CREDENTIALS: 'Invalid e-mail or password',
  SESSION_EXPIRED: 'Session expired',
  PASSWORD_TOO_WEAK: 'Password too weak',
  CSRF_FAILED: 'Missing or invalid CSRF token',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  NOT_ACCEPTABLE: 'Not acceptable',
  CONFLICT: 'Conflict',
  EMAIL_TAKEN: 'E-mail already used',
  ORGANISATION_REQUIRED: 'Organisation required',
  ASSET_INVALID_TRANSITION: 'Status change not allowed',
  ASSET_VERSION_CONFLICT: 'Changed by someone else',
  ASSET_WIPE_REQUIRED: 'Device must be wiped first',
  ASSET_IN_CART: 'Device is in a cart',
  ASSET_NOT_IN_CART: 'Device is not in a cart',
  LOAN_INVALID_STATE: 'Not possible at this stage of the loan',
  LOAN_DEVICE_TAKEN: 'Device already lent',
  LOAN_DEVICE_UNAVAILABLE: 'Device not available for loans',
  LOAN_NOT_ACCEPTED: 'Convention not accepted yet',
  LOAN_CAMPAIGN_CLOSED: 'Campaign closed',
  LOAN_LOCATION_NOT_ALLOWED: 'Location only after a declared loss or theft',
  HOUSEHOLD_LOAN_OPEN: 'A loan of this household is still open',
  FUNDING_RULE_INVALID: 'Invalid rate rule',
  FUNDING_OVER_100: 'Funding would exceed 100 %',
  FUNDING_AMOUNTS_INVALID: 'Amounts do not add up',
  SIRET_INVALID: 'Invalid SIRET',
  ORDER_INVALID_STATE: 'Not possible in this state of the order',
  DELIVERY_OVER_ORDERED: 'More received than ordered',
  DELIVERY_SERIALS_INVALID: 'Serial numbers do not match',
  INVOICE_LINE_TAKEN: 'Invoice line already allocated',
  CLAIM_INVALID_STATE: 'Not possible in this state of the claim',
  CLAIM_LINE_TAKEN: 'Expense already claimed to this funder',
  CLAIM_LINE_NOT_CLAIMABLE: 'Expense cannot be claimed',
  CLAIM_CAP_EXCEEDED: 'Claims above the instalment cap',
  SERVICE_IN_USE: 'Service still has subscriptions',
  SUBSCRIPTION_PERIOD_TAKEN: 'Subscription period already declared',
  BOOKING_CONFLICT: 'Already booked for this time',
  BOOKING_INVALID_STATE: 'Not possible in this state of the booking',
  BOOKING_RESOURCE_UNAVAILABLE: 'This resource cannot be booked',
  TRAINING_FULL: 'Training session full',
  TRAINING_INVALID_STATE: 'Not possible in this state of the training session',
  HELPDESK_INVALID_TRANSITION: 'Ticket status change not allowed',
  HELPDESK_INVALID_STATE: 'Not possible in this state of the ticket',
  HELPDESK_REOPEN_EXPIRED: 'Too late to reopen this ticket',
  MAIL_NOT_CONFIGURED: 'No mail server configured',
  MAIL_SEND_FAILED: 'The mail server refused or could not be reached',
  LINK_INVALID: 'Invalid link',
  LINK_EXPIRED: 'Expired link',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  TOO_MANY_REQUESTS: 'Too many requests',
  LOGIN_THROTTLED: 'Too many failed logins',
  INTERNAL: 'Internal error',
  NOT_READY: 'Not ready',
};

export interface InvalidField {
  /** JSON pointer-like path, e.g. `body.email` or `query.limit`. */
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

export interface AppErrorDetails {
  readonly fields?: readonly InvalidField[];
  /** Seconds, sent as `Retry-After`. */
  readonly retryAfter?: number;
  readonly [key: string]: unknown;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** Safe to show to the client. */
    readonly detail?: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(detail ?? ERROR_TITLES[code]);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'Resource') => new AppError('NOT_FOUND', `${what} not found`);

/** RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  requestId: string;
  errors?: readonly InvalidField[];
  retryAfter?: number;
  /** ORGANISATION_REQUIRED: the organisations the credentials match. */
  organisations?: readonly { slug: string; name: string }[];
  /** Import errors: the import report (counts, every rejected row). */
  report?: unknown;
  /** ASSET_INVALID_TRANSITION: the statuses allowed from the current one. */
  allowed?: readonly string[];
  /** ASSET_VERSION_CONFLICT: the version now stored. */
  currentVersion?: number;
  /** BOOKING_CONFLICT: the first colliding slot (for a series, its date is the occurrence's). */
  conflict?: { date: string; startsAt: string; endsAt: string; bookingId: string | null };
}

export function toProblem(error: AppError, requestId: string, instance?: string): Problem {
  const problem: Problem = {
    type: `urn:socle:problem:${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: ERROR_TITLES[error.code],
    status: error.status,
    code: error.code,
    detail: error.detail ?? ERROR_TITLES[error.code],
    requestId,
  };
  if (instance) problem.instance = instance;
  if (error.details.fields) problem.errors = error.details.fields;
  if (error.details.retryAfter !== undefined) problem.retryAfter = error.details.retryAfter;
  if (Array.isArray(error.details.organisations))
    problem.organisations = error.details.organisations as Problem['organisations'];
  if (error.details.report !== undefined) problem.report = error.details.report;
  if (Array.isArray(error.details.allowed)) problem.allowed = error.details.allowed as string[];
  if (typeof error.details.currentVersion === 'number') problem.currentVersion = error.details.currentVersion;
  if (error.details.conflict !== undefined) problem.conflict = error.details.conflict as Problem['conflict'];
  return problem;
}
