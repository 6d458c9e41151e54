// Reads the OpenID `claims` request parameter the way Entra does for access tokens. MSAL sends it on /auth and
// /token: `{"access_token":{"xms_cc":{"values":["CP1"]}}}` when the app declares client capability CP1 (it can
// handle claims challenges, so Continuous Access Evaluation may apply), merged with any claims challenge it got
// back from an API, e.g. `"acrs":{"essential":true,"value":"c1"}` (step up to authentication context c1).

export interface ClaimsRequest {
  /** `access_token.xms_cc.values` contains `cp1` (any case). */
  cp1: boolean;
  /** Authentication context ids asked for in `access_token.acrs` (`value` or `values`), lower case, deduplicated. */
  authContexts: string[];
}

export const NO_CLAIMS_REQUEST: ClaimsRequest = { cp1: false, authContexts: [] };

/** Entra's authentication context ids are c1 … c99. */
const AUTH_CONTEXT_ID = /^c[1-9]\d?$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The `access_token` member of a `claims` parameter value: `{}` when the parameter is absent or has no such member,
 * undefined when the parameter is not a JSON object (the caller refuses the request).
 */
export function accessTokenClaimsOf(parameter: string | undefined): Record<string, unknown> | undefined {
  if (parameter === undefined || parameter === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(parameter);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  return isObject(parsed.access_token) ? parsed.access_token : {};
}

/** The strings of a claim request's `value` and `values` members. */
function requestedValues(claim: unknown): string[] {
  if (!isObject(claim)) return [];
  const values = [claim.value, ...(Array.isArray(claim.values) ? claim.values : [])];
  return values.filter((v): v is string => typeof v === "string");
}

export function readClaimsRequest(accessTokenClaims: Record<string, unknown>): ClaimsRequest {
  const cp1 = requestedValues(accessTokenClaims.xms_cc).some((v) => v.toLowerCase() === "cp1");
  const authContexts = [
    ...new Set(requestedValues(accessTokenClaims.acrs).map((v) => v.toLowerCase()).filter((v) => AUTH_CONTEXT_ID.test(v))),
  ];
  return { cp1, authContexts };
}

/** Both requests together (a code redemption counts what /auth asked for and what /token asks for). */
export function mergeClaimsRequests(a: ClaimsRequest, b: ClaimsRequest): ClaimsRequest {
  return { cp1: a.cp1 || b.cp1, authContexts: [...new Set([...a.authContexts, ...b.authContexts])] };
}
