import type { Browser } from "@playwright/test";
import { APP_URL } from "../../scripts/demo-env";

/**
 * A real access token for a signed-in demo account, taken from the Authorization header the app itself sends to
 * its API (MSAL encrypts its cache, so the header is the honest place to read it). The call is stopped in the
 * browser, so fetching a token leaves no traffic behind in the emulator's log.
 */
export async function accessTokenFor(browser: Browser, storageState: string): Promise<string> {
  const context = await browser.newContext({ storageState });
  try {
    const page = await context.newPage();
    const header = new Promise<string>((resolve) => {
      void page.route(`${APP_URL}/api/**`, async (route) => {
        const authorization = route.request().headers().authorization;
        await route.abort();
        if (authorization) resolve(authorization);
      });
    });
    await page.goto(APP_URL);
    return (await header).replace(/^Bearer /, "");
  } finally {
    await context.close();
  }
}
