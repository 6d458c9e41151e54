import { EventType, PublicClientApplication, ProtocolMode, type AuthenticationResult } from "@azure/msal-browser";
import type { PublicAuthConfig } from "./auth-config-types";

export { REDIRECT_BRIDGE_PATH } from "./redirect-bridge-path";

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
      // CP1: this app handles claims challenges, so Entra may issue Continuous Access Evaluation tokens and Graph may
      // answer a token that no longer satisfies Conditional Access with a challenge instead of a plain refusal.
      clientCapabilities: ["CP1"],
    },
    // localStorage keeps the session across tabs and reloads, as admins expect of a dashboard.
    cache: { cacheLocation: "localStorage" },
    // MSAL v5 reads protocolMode under `system`; under `auth` it is silently ignored.
    system: { protocolMode: config.protocolMode === "OIDC" ? ProtocolMode.OIDC : ProtocolMode.AAD },
  });
  instance.addEventCallback((event) => {
    if (event.eventType === EventType.LOGIN_SUCCESS && event.payload) {
      instance.setActiveAccount((event.payload as AuthenticationResult).account);
    }
    // Redirects that come back with an error are recorded by the page (useRecordRedirectFailures).
  });
  return instance;
}
