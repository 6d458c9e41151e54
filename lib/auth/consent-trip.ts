// Tenant-wide admin consent through the Microsoft identity platform's admin-consent endpoint: the administrator
// signs in there, accepts, and is sent back to `/admin-consent` (a registered redirect URI, outside MSAL, so MSAL
// never mistakes the answer for its own), which hands the outcome to the page they came from. This is the browser's
// memory of that trip; the link itself is built in admin-consent.ts. Reading the outcome back is consent-return.ts:
// all the dashboard needs on every load.

import { OUTCOME_KEY, readJson, type ConsentOutcome } from "./consent-return";

export const ADMIN_CONSENT_PATH = "/admin-consent";
const PENDING_KEY = "request-desk.admin-consent";

interface PendingConsent {
  state: string;
  returnTo: string;
  permissions: string[];
}

/** Just before leaving for the consent page: where to come back to, and the state that proves the answer is ours. */
export function rememberConsentRequest(state: string, permissions: readonly string[]): void {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, returnTo: window.location.href, permissions: [...permissions] } satisfies PendingConsent));
}

/**
 * On `/admin-consent`: reads Entra's answer (`admin_consent=True`, or `error` and `error_description`), keeps it
 * for the dashboard if its state is the one sent, and says where to go back to. An answer nobody asked for (a
 * forged or replayed link) is dropped.
 */
export function settleConsentAnswer(search: URLSearchParams): string {
  const pending = readJson<PendingConsent>(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!pending || search.get("state") !== pending.state) return "/";
  const granted = search.get("admin_consent")?.toLowerCase() === "true" && !search.has("error");
  const outcome: ConsentOutcome = granted
    ? { granted, permissions: pending.permissions }
    : { granted, permissions: pending.permissions, error: search.get("error") ?? "unknown_error", description: search.get("error_description") ?? "" };
  sessionStorage.setItem(OUTCOME_KEY, JSON.stringify(outcome));
  return sameOrigin(pending.returnTo) ? pending.returnTo : "/";
}

function sameOrigin(url: string): boolean {
  try {
    return new URL(url).origin === window.location.origin;
  } catch {
    return false;
  }
}
