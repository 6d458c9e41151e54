// Which permissions of one API (Graph, ARM) a request gets, from what is consented for the person
// (consent-records.ts). Pure, so the rules are unit-tested apart from the provider.

import { GRAPH_DELEGATED_SCOPES, type GraphDelegatedScope } from "../demo-tenant";
import { isGraphDefaultScope, normaliseGraphScope } from "./claims";

/**
 * How one API's scope strings are read and consented. Permissions are handled as consent entries, written the way
 * Entra writes granted scopes in a token response: Graph's as short names (`User.Read`), any other API's fully
 * qualified (`https://management.azure.com/user_impersonation`).
 */
export interface ScopeRules {
  /** The API's permissions as consent entries, in catalogue order. */
  catalogue: readonly string[];
  /** A requested scope string (either form) → its consent entry; undefined for anything else, `.default` included. */
  entryOf(scope: string): string | undefined;
  isDefault(scope: string): boolean;
  /** Entries anyone may consent to for themselves (Entra's user consent for low-risk permissions). */
  selfConsentable: readonly string[];
  /**
   * Whether `.default` is refused while nothing at all is consented for the API, as Entra refuses it. Graph's never
   * is: every sign-in consents to User.Read, so "nothing" only happens in tests that take it away on purpose.
   */
  refusesEmptyDefault: boolean;
}

/**
 * Permissions anyone may consent to for themselves, so asking for them never fails (the app's sign-in asks for
 * User.Read). Granting one records a grant for that person.
 */
export const SELF_CONSENTABLE_SCOPES: readonly GraphDelegatedScope[] = ["User.Read"];

export const GRAPH_SCOPE_RULES: ScopeRules = {
  catalogue: GRAPH_DELEGATED_SCOPES,
  entryOf: normaliseGraphScope,
  isDefault: isGraphDefaultScope,
  selfConsentable: SELF_CONSENTABLE_SCOPES,
  refusesEmptyDefault: false,
};

export type ScopeDecision = { granted: string[]; selfConsented: string[] } | { missing: string[] };

/** The catalogue entries named in a request (either form), deduplicated, in request order. */
export function explicitEntries(requested: Iterable<string>, rules: ScopeRules): string[] {
  const out: string[] = [];
  for (const raw of requested) {
    const entry = rules.entryOf(raw);
    if (entry && !out.includes(entry)) out.push(entry);
  }
  return out;
}

/**
 * The requested entries that are neither consented nor self-consentable. `.default` asks for "whatever is
 * consented", so it misses nothing unless nothing is consented and the API refuses that; scope strings of other
 * APIs (OpenID, unknown ones) are ignored.
 */
export function unconsentedEntries(requested: readonly string[], consented: readonly string[], rules: ScopeRules): string[] {
  if (requested.some(rules.isDefault)) {
    return rules.refusesEmptyDefault && consented.length === 0 ? [...rules.catalogue] : [];
  }
  return explicitEntries(requested, rules).filter((s) => !consented.includes(s) && !rules.selfConsentable.includes(s));
}

/**
 * `.default` → every consented entry. Otherwise the requested entries, all of which must be consented (or
 * self-consentable: those not consented yet come back in `selfConsented`, for the caller to record).
 */
export function decideScopes(requested: readonly string[], consented: readonly string[], rules: ScopeRules): ScopeDecision {
  const missing = unconsentedEntries(requested, consented, rules);
  if (missing.length) return { missing };
  if (requested.some(rules.isDefault)) return { granted: [...consented], selfConsented: [] };
  const granted = explicitEntries(requested, rules);
  return { granted, selfConsented: granted.filter((s) => !consented.includes(s)) };
}

