import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { AppError } from "@/lib/errors/app-error";
import { attemptedRecently, recordAttempt, type AttemptPurpose } from "./interactive-attempts";
import type { ResumeAction } from "./token-request";

/** One full-page redirect for this purpose; the same one again within minutes is refused instead of looping. */
export async function redirectOnce(
  instance: IPublicClientApplication,
  account: AccountInfo,
  scopes: string[],
  purpose: AttemptPurpose,
  claims: string | undefined,
  resume: ResumeAction | undefined,
  /** Another API's permissions to consent to on the same trip (a token is for one API; consent may cover several). */
  extraScopesToConsent: string[] = [],
): Promise<never> {
  const subject = claims ?? [...scopes, ...extraScopesToConsent].join(" ");
  if (attemptedRecently(purpose, subject)) throw SAME_AGAIN[purpose]();
  recordAttempt(purpose, subject, resume);
  await instance.acquireTokenRedirect({
    scopes,
    account,
    ...(claims ? { claims } : {}),
    ...(extraScopesToConsent.length > 0 ? { extraScopesToConsent } : {}),
    redirectStartPage: window.location.href,
  });
  // The page is leaving for the sign-in page; nothing after this runs.
  return new Promise<never>(() => {});
}

const SAME_AGAIN: Record<AttemptPurpose, () => AppError> = {
  claims: () =>
    new AppError("claims_challenge", "You verified your identity moments ago, but Microsoft Graph still asks for more. Your organisation's Conditional Access policy may not accept this sign-in: contact your administrator."),
  "sign-in": () => new AppError("unauthenticated", "Your session has expired and signing in again did not renew it. Sign out, then sign in again."),
  consent: () => new AppError("forbidden", "You asked for these permissions moments ago and they were not granted. Ask an administrator to grant them."),
};
