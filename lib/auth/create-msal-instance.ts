import { EventType, PublicClientApplication, ProtocolMode, type AuthenticationResult } from "@azure/msal-browser";
import type { PublicAuthConfig } from "./auth-config-types";
import { rememberGrantedScopes } from "./granted-scopes-store";

/** Path of the MSAL v5 redirect bridge page, used by silent (iframe) renewals. */
export const REDIRECT_BRIDGE_PATH = "/redirect";

export function createMsalInstance(config: PublicAuthConfig): PublicClientApplication {
  // During server rendering there is no window; MSAL then builds an inert instance and the page renders its
  // "checking your sign-in" state until the browser takes over.
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const instance = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      ...(config.authorityMetadata ? { authorityMetadata: config.authorityMetadata } : {}),
      redirectUri: `${origin}/`,
      postLogoutRedirectUri: `${origin}/`,
    },
    // localStorage keeps the session across tabs and reloads, as admins expect of a dashboard.
    cache: { cacheLocation: "localStorage" },
    // MSAL v5 reads protocolMode under `system`; under `auth` it is silently ignored.
    system: { protocolMode: config.protocolMode === "OIDC" ? ProtocolMode.OIDC : ProtocolMode.AAD },
  });
  instance.addEventCallback((event) => {
    if (!event.payload) return;
    if (event.eventType === EventType.LOGIN_SUCCESS || event.eventType === EventType.ACQUIRE_TOKEN_SUCCESS) {
      const result = event.payload as AuthenticationResult;
      if (event.eventType === EventType.LOGIN_SUCCESS) instance.setActiveAccount(result.account);
      if (result.account && result.scopes.length > 0) rememberGrantedScopes(result.account.homeAccountId, result.scopes);
    }
  });
  return instance;
}
