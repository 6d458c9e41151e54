import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { AppError } from "@/lib/errors/app-error";
import type { PublicAuthConfig } from "./auth-config-types";
import { redirectOnce } from "./redirect-once";
import type { TokenRequest } from "./token-request";

/**
 * Entra would not give an ARM token silently. Without consent for `user_impersonation` (AADSTS65001) the Azure
 * categories are unavailable with that reason, and nothing else is affected: no redirect, since signing in again
 * cannot grant it. A claims challenge from ARM is answered like Graph's, by one redirect at most; so is an expired
 * session, unless the caller is a background check that must not leave the page.
 */
export function afterArmTokenRefused(
  instance: IPublicClientApplication,
  config: PublicAuthConfig,
  account: AccountInfo,
  { claims, consent, request }: { claims: string | undefined; consent: boolean; request: TokenRequest },
): Promise<never> {
  if (consent) {
    throw new AppError(
      "consent_required",
      `Your organisation has not granted Request Desk the Azure Resource Manager (Azure Service Management API) delegated permission ${config.armScopes.join(", ")}, so Azure role requests cannot be listed or cancelled. An administrator can grant it (see Permissions).`,
      { upstream: "arm" },
    );
  }
  if (!claims && request.interactive === false) {
    throw new AppError("unauthenticated", "Azure Resource Manager needs you to sign in again before Azure role requests can be shown.", { upstream: "arm" });
  }
  return redirectOnce(instance, account, config.armScopes, claims ? "claims" : "sign-in", claims, request.resume);
}
