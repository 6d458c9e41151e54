// Stable error codes of the app's public API. The UI switches on these, never on messages.
export const APP_ERROR_STATUS = {
  invalid_input: 400,
  /** A list cursor that fails its seal, has expired, or belongs to another caller, category or view. */
  invalid_cursor: 400,
  unauthenticated: 401,
  /** Graph asked for more claims (Conditional Access, CAE): the browser re-authenticates with them and retries. */
  claims_challenge: 401,
  forbidden: 403,
  /** The tenant has not granted the app a permission this needs (e.g. Azure Resource Manager's user_impersonation). */
  consent_required: 403,
  unknown_category: 404,
  not_found: 404,
  method_not_allowed: 405,
  /** The client took too long to send its headers or body. */
  request_timeout: 408,
  not_cancellable: 409,
  /** The caller already has a bulk cancel running; one at a time per user. */
  bulk_run_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** An `Expect` header other than 100-continue. */
  expectation_failed: 417,
  /** Request Desk's own per-user or per-address rate limit (not Graph's or ARM's: that is `throttled`). */
  rate_limited: 429,
  throttled: 429,
  /** The request's headers exceed the documented limit. */
  header_too_large: 431,
  upstream_error: 502,
  upstream_unavailable: 503,
  upstream_timeout: 504,
  /** This instance is at its limit of request bodies in flight; try again shortly. */
  server_busy: 503,
  /** `/api/ready`: this instance cannot serve users yet (configuration, identity provider or upstream names). */
  not_ready: 503,
  internal_error: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && Object.hasOwn(APP_ERROR_STATUS, value);
}
