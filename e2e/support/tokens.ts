import type { Browser, Page } from "@playwright/test";
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

/** Both tokens a signed-in page sends to the app's API: Graph's (`Authorization`) and ARM's (`X-ARM-Authorization`). */
export interface AppTokens {
  graph: string;
  arm: string;
}

/**
 * The tokens of a page that is signed in already, from the first API call that carries an ARM token (the access
 * probe, `/api/access`, carries both). API calls are stopped in the browser while it loads, as in accessTokenFor.
 */
export async function appTokensOf(page: Page, appUrl = APP_URL): Promise<AppTokens> {
  const pattern = `${appUrl}/api/**`;
  const tokens = new Promise<AppTokens>((resolve) => {
    void page.route(pattern, async (route) => {
      const headers = route.request().headers();
      await route.abort();
      const graph = headers.authorization;
      const arm = headers["x-arm-authorization"];
      if (graph && arm) resolve({ graph: graph.replace(/^Bearer /, ""), arm: arm.replace(/^Bearer /, "") });
    });
  });
  try {
    await page.goto(appUrl);
    return await tokens;
  } finally {
    await page.unroute(pattern);
  }
}

/** Both real tokens of a signed-in demo account (see appTokensOf). */
export async function appTokensFor(browser: Browser, storageState: string): Promise<AppTokens> {
  const context = await browser.newContext({ storageState });
  try {
    return await appTokensOf(await context.newPage());
  } finally {
    await context.close();
  }
}

/** A real ARM access token for a signed-in demo account, from the `X-ARM-Authorization` header the app sends. */
export async function armAccessTokenFor(browser: Browser, storageState: string): Promise<string> {
  return (await appTokensFor(browser, storageState)).arm;
}
