import type { Upstream } from "@/lib/errors/app-error";
import type { PendingRequest, RequestView } from "@/lib/requests/pending-request";
import type { PausedBulkRun } from "@/lib/bulk/paused-run";

/**
 * What the user was doing when a claims challenge (or a new sign-in) needed a full-page redirect, so the app can do it again, once,
 * when it comes back. Lists and the access check need nothing: the page loads them again by itself.
 */
export type ResumeAction =
  | { kind: "cancel"; request: PendingRequest; view: RequestView }
  | { kind: "bulk"; run: PausedBulkRun };

export interface TokenRequest {
  /** Whose token: Microsoft Graph's (the default) or Azure Resource Manager's. */
  audience?: Upstream;
  /** The claims Graph asked for (base64, from a `claims_challenge` answer): the token must satisfy them. */
  claims?: string;
  /** false: fail instead of redirecting when Entra wants the user back (a background check, not a user's action). */
  interactive?: boolean;
  /**
   * true: a new token from the identity provider, never the cached one: the upstream rejected the cached token
   * (expired or revoked early), so handing it out again would only be rejected again.
   */
  forceRefresh?: boolean;
  /** Redone after the redirect, if re-authenticating needs one. */
  resume?: ResumeAction;
}

/** Yields an access token of the asked audience for the signed-in user. */
export type GetToken = (request?: TokenRequest) => Promise<string>;
