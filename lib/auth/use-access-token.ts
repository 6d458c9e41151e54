"use client";

import { InteractionRequiredAuthError, type AccountInfo, type IPublicClientApplication } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import { useCallback } from "react";
import { AppError } from "@/lib/errors/app-error";
import type { PublicAuthConfig } from "./auth-config-types";
import { useAuthConfig } from "./auth-config-context";
import { forgetGrantedScopes } from "./granted-scopes-store";
import { acquireArmToken, acquireGraphToken, decodeClaims, discoverGrantedScopes, tokenScopes } from "./graph-tokens";
import type { AttemptPurpose } from "./interactive-attempts";
import type { GetToken, TokenRequest } from "./token-request";
import { signedInAccount } from "./use-signed-in-account";

/**
 * Returns a function that yields an access token (Graph's, or ARM's when asked) for the signed-in account, renewing it silently. Asked with
 * a claims challenge, it gets a token that satisfies it: silently when Entra can, else by one redirect, after which
 * the app redoes `resume`. It never redirects twice for the same thing: a second need within minutes is an error
 * the user sees, with what to do.
 */
export function useAccessToken(): GetToken {
  const { instance } = useMsal();
  const config = useAuthConfig();
  return useCallback((request?: TokenRequest) => accessToken(instance, config, request ?? {}), [instance, config]);
}

async function accessToken(instance: IPublicClientApplication, config: PublicAuthConfig, request: TokenRequest): Promise<string> {
  // Read at call time, not render time: a token is asked for long after the component rendered.
  const account = signedInAccount(instance);
  if (!account) throw new AppError("unauthenticated", "You are signed out. Sign in to continue.");
  const claims = request.claims === undefined ? undefined : decodeClaims(request.claims);
  if (claims === null) throw new AppError("upstream_error", "The service asked for more proof of identity in a form Request Desk cannot read.");
  if (request.audience === "arm") return armAccessToken(instance, config, account, claims, request);
  try {
    return (await acquireGraphToken(instance, config, account, claims, request.forceRefresh)).accessToken;
  } catch (error) {
    if (!(error instanceof InteractionRequiredAuthError)) throw tokenFailure();
    if (isConsentError(error) && !claims) return afterConsentChange(instance, config, account);
    const purpose: AttemptPurpose = claims ? "claims" : "sign-in";
    // Needed only when Entra wants the user back, which most visits never see: loaded then.
    const { redirectOnce } = await import("./redirect-once");
    return redirectOnce(instance, account, tokenScopes(config, account), purpose, claims, request.resume);
  }
}

/**
 * A permission remembered as granted was taken back by an administrator (Entra: AADSTS65001 consent_required).
 * Nobody can fix that by signing in again, so no interaction: learn what is granted now and go on with that; the
 * affected category then shows what is missing.
 */
async function afterConsentChange(instance: IPublicClientApplication, config: PublicAuthConfig, account: AccountInfo): Promise<string> {
  forgetGrantedScopes(account.homeAccountId);
  try {
    await discoverGrantedScopes(instance, config, account, true);
    return (await acquireGraphToken(instance, config, account)).accessToken;
  } catch {
    throw tokenFailure();
  }
}

/**
 * An ARM token, silently. Why one could not be had is worked out only when it fails (arm-token-failure), which most
 * visits never see: that code is loaded then.
 */
async function armAccessToken(
  instance: IPublicClientApplication,
  config: PublicAuthConfig,
  account: AccountInfo,
  claims: string | undefined,
  request: TokenRequest,
): Promise<string> {
  try {
    return (await acquireArmToken(instance, config, account, claims, request.forceRefresh)).accessToken;
  } catch (error) {
    if (!(error instanceof InteractionRequiredAuthError)) throw tokenFailure();
    const { afterArmTokenRefused } = await import("./arm-token-failure");
    return afterArmTokenRefused(instance, config, account, { claims, consent: isConsentError(error), request });
  }
}

function isConsentError(error: InteractionRequiredAuthError): boolean {
  return error.subError === "consent_required" || error.errorCode === "consent_required" || error.errorMessage.includes("AADSTS65001");
}

function tokenFailure(): AppError {
  return new AppError("unauthenticated", "Request Desk could not renew your sign-in. Sign out and sign in again.");
}
