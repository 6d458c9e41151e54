"use client";

import { useMsal } from "@azure/msal-react";
import { useCallback } from "react";
import { AppError } from "@/lib/errors/app-error";
import { adminConsentLink } from "./admin-consent";
import { rememberConsentRequest } from "./consent-trip";
import { useAuthConfig } from "./auth-config-context";
import { qualifiedGraphScopes } from "./graph-scopes";
import { redirectOnce } from "./redirect-once";
import { signedInAccount } from "./use-signed-in-account";

/**
 * The two ways to get a permission granted: an administrator's tenant-wide consent (the admin-consent endpoint), or
 * an ordinary user's own attempt (an interactive token request, where Entra shows "Need admin approval" and, where
 * the tenant enabled it, lets them send an admin consent request). Either comes back to this page.
 */
export function useConsentActions() {
  const { instance } = useMsal();
  const config = useAuthConfig();

  const adminConsentHref = useCallback(
    (permissions: readonly string[], state: string) => {
      const account = signedInAccount(instance);
      return adminConsentLink(config, account?.tenantId || "organizations", permissions, state);
    },
    [instance, config],
  );

  const requestConsent = useCallback(
    async (permissions: readonly string[]) => {
      const account = signedInAccount(instance);
      if (!account) throw new AppError("unauthenticated", "You are signed out. Sign in to continue.");
      // Graph's permissions are short, ARM's qualified. A token is for one API (Entra: AADSTS28000 for two), so the
      // trip asks for Graph's and has ARM's consented alongside (MSAL's extraScopesToConsent), or ARM's alone.
      const graph = qualifiedGraphScopes(permissions.filter((p) => !p.includes("/")), config);
      const arm = permissions.filter((p) => p.includes("/"));
      const [scopes, extra] = graph.length > 0 ? [graph, arm] : [arm, []];
      await redirectOnce(instance, account, scopes, "consent", undefined, undefined, extra);
    },
    [instance, config],
  );

  return { adminConsentHref, rememberConsentRequest, requestConsent };
}
