// The reader's theme choice. Kept in a cookie, not localStorage, so the server can put it on <html> in the first byte
// of the page: no flash of the wrong theme and no inline script (which the Content-Security-Policy would refuse).
// "system" follows the operating system's setting through `prefers-color-scheme` (app/theme/dark.css).

export const THEME_COOKIE = "request-desk-theme";
export const THEME_PREFERENCES = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export function parseThemePreference(value: string | undefined | null): ThemePreference {
  return (THEME_PREFERENCES as readonly string[]).includes(value ?? "") ? (value as ThemePreference) : "system";
}

/** The `data-theme` attribute for <html>: none for "system", so the media query decides. */
export function themeAttribute(preference: ThemePreference): "light" | "dark" | undefined {
  return preference === "system" ? undefined : preference;
}

/** A year; `SameSite=Lax` and no `Secure` flag on plain-http localhost (the browser drops Secure cookies there). */
export function themeCookie(preference: ThemePreference, secure: boolean): string {
  return `${THEME_COOKIE}=${preference}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}
