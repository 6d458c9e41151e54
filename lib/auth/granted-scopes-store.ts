// The scopes the identity provider actually granted, remembered per account. Tokens are then asked for with
// exactly those: asking for a scope the tenant never consented would fail every silent renewal (Entra answers
// "consent required"), while the categories that need it already explain what is missing.
const KEY_PREFIX = "request-desk.granted-scopes.";

export function rememberGrantedScopes(homeAccountId: string, scopes: readonly string[]): void {
  try {
    localStorage.setItem(KEY_PREFIX + homeAccountId, JSON.stringify(scopes));
  } catch {
    // Storage full or blocked: tokens are then requested with the full list, which still works where consented.
  }
}

export function grantedScopesFor(homeAccountId: string): string[] | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY_PREFIX + homeAccountId) ?? "null");
    return Array.isArray(value) && value.every((s) => typeof s === "string") && value.length > 0 ? value : null;
  } catch {
    return null;
  }
}
