import type { Page } from "@playwright/test";
import { APP_URL } from "../../scripts/demo-env";

export interface Violation {
  page: string;
  directive: string;
  blocked: string;
}

/**
 * Collects every Content-Security-Policy violation in the app's own documents (the main page and the frames it
 * opens, such as the silent-renewal iframe), from the `securitypolicyviolation` event and from the console, which
 * is the only place a refused frame (frame-ancestors) shows. The identity provider's pages are another origin
 * with their own policy, and not counted.
 */
export async function collectViolations(page: Page): Promise<Violation[]> {
  const violations: Violation[] = [];
  const ours = (url: string) => url.startsWith(APP_URL);
  await page.exposeFunction("__recordCspViolation", (violation: Violation) => {
    if (ours(violation.page)) violations.push(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const record = (window as unknown as { __recordCspViolation?: (v: unknown) => void }).__recordCspViolation;
      record?.({ page: event.documentURI, directive: event.effectiveDirective, blocked: event.blockedURI });
    });
  });
  page.on("console", (message) => {
    const url = message.location().url;
    if (/Content Security Policy/i.test(message.text()) && (!url || ours(url))) {
      violations.push({ page: url, directive: "console", blocked: message.text() });
    }
  });
  return violations;
}
