import type { Browser } from "@playwright/test";
import { APP_URL } from "../../scripts/demo-env";

/**
 * A real access token for a signed-in demo account, taken from the Authorization header the app itself sends to
 * its API (MSAL encrypts its cache, so the header is the honest place to read it).
 */
export async function accessTokenFor(browser: Browser, storageState: string): Promise<string> {
  const context = await browser.newContext({ storageState });
  try {
    const page = await context.newPage();
    const apiCall = page.waitForRequest((r) => new URL(r.url()).pathname.startsWith("/api/") && !!r.headers().authorization);
    await page.goto(APP_URL);
    const header = (await apiCall).headers().authorization ?? "";
    return header.replace(/^Bearer /, "");
  } finally {
    await context.close();
  }
}
