import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

// Flags that keep headless Chromium quiet on a machine with no internet (see DEVELOPERS.md).
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * The browser the tests drive: $CHROMIUM_PATH if set, else Playwright's own download if present, else the
 * system's Chromium. Undefined means none was found; `missingChromiumHelp` says what to do.
 */
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  const bundled = safeBundledPath();
  if (bundled && existsSync(bundled)) return bundled;
  return SYSTEM_CHROMIUMS.find((path) => existsSync(path));
}

function safeBundledPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const MISSING_CHROMIUM_HELP = [
  "No Chromium found for the end-to-end tests.",
  "Install one of:",
  "  - Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium   (gives /usr/bin/chromium)",
  "  - with internet access: npx playwright install chromium",
  "or point CHROMIUM_PATH at an existing Chromium or Chrome binary.",
].join("\n");
