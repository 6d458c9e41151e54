import { adminConsentUrl } from "@/lib/config/cloud-profiles";
import type { PublicAuthConfig } from "./auth-config-types";
import { ADMIN_CONSENT_PATH } from "./consent-trip";

/** The admin-consent link for `permissions` in `tenant`, coming back to `/admin-consent` with `state`. */
export function adminConsentLink(config: PublicAuthConfig, tenant: string, permissions: readonly string[], state: string): string {
  return adminConsentUrl(config.loginUrl, config.graphResource, tenant, {
    clientId: config.clientId,
    scopes: [...permissions],
    redirectUri: `${window.location.origin}${ADMIN_CONSENT_PATH}`,
    state,
  });
}
