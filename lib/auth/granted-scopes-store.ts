// The Graph permissions the tenant granted, as the last `.default` token answer spelled them, remembered per
// account. Tokens are then asked for with exactly those strings (a cache hit in MSAL, where `.default` alone would
// miss), and a returning user's dashboard starts from them while they are checked again.
const KEY_PREFIX = "request-desk.granted-scopes.";

export function rememberGrantedScopes(homeAccountId: string, scopes: readonly string[]): void {
  try {
    localStorage.setItem(KEY_PREFIX + homeAccountId, JSON.stringify(scopes));
  } catch {
    // Storage full or blocked: tokens are then requested with `.default`, which also works.
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

export function forgetGrantedScopes(homeAccountId: string): void {
  try {
    localStorage.removeItem(KEY_PREFIX + homeAccountId);
  } catch {
    // Nothing to forget.
  }
}
