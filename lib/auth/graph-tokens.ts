import { CacheLookupPolicy, type AccountInfo, type AuthenticationResult, type IPublicClientApplication } from "@azure/msal-browser";
import type { PublicAuthConfig } from "./auth-config-types";
import { REDIRECT_BRIDGE_PATH } from "./create-msal-instance";
import { grantedScopesFor, rememberGrantedScopes } from "./granted-scopes-store";
import { graphDefaultScope, grantedGraphPermissions } from "./graph-scopes";

const bridge = () => `${window.location.origin}${REDIRECT_BRIDGE_PATH}`;

/**
 * Every Graph permission the tenant (or this user) consented to the app: a silent token request for `.default`
 * answers with a token whose scopes are exactly those, never with a consent error for the ones missing, so one
 * request tells every category's state. `refresh` skips MSAL's cache, after an admin granted consent.
 */
export async function discoverGrantedScopes(
  instance: IPublicClientApplication,
  config: PublicAuthConfig,
  account: AccountInfo,
  refresh: boolean,
): Promise<string[]> {
  const result = await instance.acquireTokenSilent({
    scopes: [graphDefaultScope(config)],
    account,
    redirectUri: bridge(),
    cacheLookupPolicy: refresh ? CacheLookupPolicy.RefreshToken : CacheLookupPolicy.Default,
  });
  // Kept exactly as Entra wrote them: MSAL caches the token under these strings, and a request that spells them
  // otherwise (qualified where Entra answered short) would miss its cache and go to the network every time.
  rememberGrantedScopes(account.homeAccountId, tokenScopesOf(result.scopes, config));
  return grantedGraphPermissions(result.scopes, config);
}

/** The scopes an API call's token is asked with: the granted ones as Entra named them (an MSAL cache hit), else `.default`. */
export function tokenScopes(config: PublicAuthConfig, account: AccountInfo): string[] {
  return grantedScopesFor(account.homeAccountId) ?? [graphDefaultScope(config)];
}

/** The permissions of a token answer as it spelled them, without OpenID scopes and `.default`. */
function tokenScopesOf(scopes: readonly string[], config: PublicAuthConfig): string[] {
  const permissions = new Set(grantedGraphPermissions(scopes, config).map((s) => s.toLowerCase()));
  const prefix = `${config.graphResource.toLowerCase()}/`;
  return scopes.filter((scope) => {
    const lower = scope.toLowerCase();
    return permissions.has(lower.startsWith(prefix) ? lower.slice(prefix.length) : lower);
  });
}

// Side by side, the lists and the access check may all meet the same challenge: one token request answers them all.
const inFlight = new Map<string, Promise<AuthenticationResult>>();

/** A Graph token, silently; with `claims` (decoded JSON) a fresh one that satisfies them. */
export function acquireGraphToken(
  instance: IPublicClientApplication,
  config: PublicAuthConfig,
  account: AccountInfo,
  claims?: string,
  forceRefresh = false,
): Promise<AuthenticationResult> {
  return acquireSilently(instance, account, tokenScopes(config, account), claims, forceRefresh);
}

/**
 * An Azure Resource Manager token, silently: a second audience, since ARM accepts no Graph token. MSAL gets it with
 * the refresh token of the sign-in, without a prompt, once the tenant has granted `user_impersonation`.
 */
export function acquireArmToken(
  instance: IPublicClientApplication,
  config: PublicAuthConfig,
  account: AccountInfo,
  claims?: string,
  forceRefresh = false,
): Promise<AuthenticationResult> {
  return acquireSilently(instance, account, config.armScopes, claims, forceRefresh);
}

/** `forceRefresh`: past the cache to the identity provider, for a token an upstream rejected before it expired. */
function acquireSilently(
  instance: IPublicClientApplication,
  account: AccountInfo,
  scopes: string[],
  claims: string | undefined,
  forceRefresh: boolean,
): Promise<AuthenticationResult> {
  const key = `${account.homeAccountId} ${scopes.join(" ")} ${claims ?? ""} ${forceRefresh ? "renew" : ""}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = instance
      .acquireTokenSilent({ scopes, account, redirectUri: bridge(), ...(claims ? { claims } : {}), ...(forceRefresh ? { forceRefresh } : {}) })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/** Graph sends claims base64-encoded in `WWW-Authenticate`; MSAL takes the JSON. Null when it is not JSON. */
export function decodeClaims(base64: string): string | null {
  try {
    const json = atob(base64.replace(/-/g, "+").replace(/_/g, "/"));
    JSON.parse(json);
    return json;
  } catch {
    return null;
  }
}
