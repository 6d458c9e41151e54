"use client";

import { InteractionRequiredAuthError } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import { useCallback } from "react";
import { AppError } from "@/lib/errors/app-error";
import { useAuthConfig } from "./auth-config-context";
import { REDIRECT_BRIDGE_PATH } from "./create-msal-instance";
import { grantedScopesFor } from "./granted-scopes-store";
import { signedInAccount } from "./use-signed-in-account";

/** Returns a function that yields a Graph access token for the signed-in account, renewing it silently. */
export function useAccessToken(): () => Promise<string> {
  const { instance } = useMsal();
  const { scopes } = useAuthConfig();
  return useCallback(async () => {
    // Read at call time, not render time: a token is asked for long after the component rendered.
    const account = signedInAccount(instance);
    if (!account) throw new AppError("unauthenticated", "You are signed out. Sign in to continue.");
    try {
      const result = await instance.acquireTokenSilent({
        scopes: grantedScopesFor(account.homeAccountId) ?? scopes,
        account,
        redirectUri: `${window.location.origin}${REDIRECT_BRIDGE_PATH}`,
      });
      return result.accessToken;
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) {
        await instance.acquireTokenRedirect({ scopes, account });
      }
      throw new AppError("unauthenticated", "Your session has expired. Sign in again.");
    }
  }, [instance, scopes]);
}
