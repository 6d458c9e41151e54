// Which Graph scopes a request gets, from what is consented for the person (consent-records.ts). Pure, so the
// rules are unit-tested apart from the provider.

import type { GraphDelegatedScope } from "../demo-tenant";
import { explicitGraphScopes, isGraphDefaultScope } from "./claims";

/**
 * Permissions anyone may consent to for themselves, so asking for them never fails (Entra's user consent for
 * low-risk permissions; the app's sign-in asks for User.Read). Granting one records a grant for that person.
 */
export const SELF_CONSENTABLE_SCOPES: readonly GraphDelegatedScope[] = ["User.Read"];

export type ScopeDecision =
  | { granted: GraphDelegatedScope[]; selfConsented: GraphDelegatedScope[] }
  | { missing: GraphDelegatedScope[] };

/**
 * The requested catalogue scopes (either form) that are neither consented nor self-consentable. `.default` asks for
 * "whatever is consented", so it never misses anything; other scope strings (OpenID, unknown APIs) are ignored.
 */
export function unconsentedScopes(requested: readonly string[], consented: readonly string[]): GraphDelegatedScope[] {
  if (requested.some(isGraphDefaultScope)) return [];
  return explicitGraphScopes(requested).filter((s) => !consented.includes(s) && !SELF_CONSENTABLE_SCOPES.includes(s));
}

/**
 * `.default` → every consented scope. Otherwise the requested catalogue scopes, all of which must be consented
 * (or self-consentable: those not consented yet come back in `selfConsented`, for the caller to record).
 */
export function decideGraphScopes(requested: readonly string[], consented: readonly GraphDelegatedScope[]): ScopeDecision {
  if (requested.some(isGraphDefaultScope)) return { granted: [...consented], selfConsented: [] };
  const missing = unconsentedScopes(requested, consented);
  if (missing.length) return { missing };
  const granted = explicitGraphScopes(requested);
  return { granted, selfConsented: granted.filter((s) => !consented.includes(s)) };
}
