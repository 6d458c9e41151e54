import { describe, expect, it } from "vitest";
import { parseThemePreference, themeAttribute, themeCookie } from "./theme-preference";

describe("theme preference", () => {
  it("reads only the three known choices from the cookie, anything else as 'follow the system'", () => {
    expect(parseThemePreference("dark")).toBe("dark");
    expect(parseThemePreference("light")).toBe("light");
    for (const junk of [undefined, null, "", "DARK", "dark;", "<script>", "system"]) expect(parseThemePreference(junk)).toBe("system");
  });

  it("marks <html> only for an explicit choice, so the operating system decides otherwise", () => {
    expect(themeAttribute("dark")).toBe("dark");
    expect(themeAttribute("light")).toBe("light");
    expect(themeAttribute("system")).toBeUndefined();
  });

  it("remembers the choice for a year, Secure on https only", () => {
    expect(themeCookie("dark", true)).toBe("request-desk-theme=dark; Path=/; Max-Age=31536000; SameSite=Lax; Secure");
    expect(themeCookie("light", false)).not.toContain("Secure");
  });
});
