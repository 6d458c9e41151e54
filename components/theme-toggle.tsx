"use client";

import { useId, useState } from "react";
import { parseThemePreference, THEME_PREFERENCES, themeAttribute, themeCookie, type ThemePreference } from "@/lib/theme/theme-preference";

const LABELS: Record<ThemePreference, string> = { system: "System", light: "Light", dark: "Dark" };

/** Light, dark or the operating system's setting; applied at once and remembered (lib/theme/theme-preference.ts). */
export function ThemeToggle() {
  const id = useId();
  const [preference, setPreference] = useState<ThemePreference>(() =>
    typeof document === "undefined" ? "system" : parseThemePreference(document.documentElement.dataset.theme),
  );

  function choose(next: ThemePreference) {
    setPreference(next);
    const attribute = themeAttribute(next);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
    document.cookie = themeCookie(next, location.protocol === "https:");
  }

  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-700">
        Theme
      </label>
      <select
        id={id}
        value={preference}
        onChange={(event) => choose(parseThemePreference(event.target.value))}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-800"
      >
        {THEME_PREFERENCES.map((p) => (
          <option key={p} value={p}>
            {LABELS[p]}
          </option>
        ))}
      </select>
    </div>
  );
}
