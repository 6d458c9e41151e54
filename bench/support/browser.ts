// Chromium for the in-page benchmarks (B4, B5): launch, sign in through the app's real sign-in page, and wait
// until the queue has stopped loading.

import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_HELP } from "../../e2e/support/chromium";
import { APP_URL } from "../../scripts/demo-env";
import { ADMIN, DEMO_PASSWORD } from "../../stand-ins/demo-tenant";

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM_HELP);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * A browser context whose pages can run functions written in these TypeScript files: tsx (esbuild, keepNames)
 * wraps named functions in `__name(…)`, which does not exist in the page, so the page gets a no-op one.
 */
export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript({ content: "globalThis.__name ??= (target) => target;" });
  return context;
}

/** The app's Sign in button, then the identity provider's page (Email, Password, "Sign in"), back to the dashboard. */
export async function signInThroughPage(page: Page, email = ADMIN.userPrincipalName): Promise<void> {
  await page.goto(APP_URL);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${APP_URL}/**`);
  await page.getByTestId("signed-in-user").waitFor({ timeout: 60_000 });
}

/** Counts the page's in-flight calls to the app's API, to tell when loading (paging, refetches) has settled. */
export function trackApiCalls(page: Page) {
  let inFlight = 0;
  let lastChange = Date.now();
  const isApi = (url: string) => new URL(url).pathname.startsWith("/api/");
  page.on("request", (r) => {
    if (!isApi(r.url())) return;
    inFlight++;
    lastChange = Date.now();
  });
  const settle = (r: { url(): string }) => {
    if (!isApi(r.url())) return;
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on("requestfinished", settle);
  page.on("requestfailed", settle);
  return {
    /** Resolves once no API call has been in flight for `quietMs`; gives up quietly after `timeoutMs`. */
    async idle(quietMs = 750, timeoutMs = 120_000): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (inFlight === 0 && Date.now() - lastChange >= quietMs) return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return false;
    },
  };
}

/**
 * Waits for the queue to finish loading: the first row, then no "loading more" in the row count (when the UI has
 * one) and no API call in flight for a moment.
 */
export async function waitForQueueLoaded(page: Page, api: ReturnType<typeof trackApiCalls>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await page.locator("tbody tr[data-request-id]").first().waitFor({ timeout: timeoutMs });
  const rowCount = page.getByTestId("row-count");
  while (Date.now() < deadline) {
    const stillLoading = (await rowCount.count()) > 0 && /loading/i.test((await rowCount.first().textContent()) ?? "");
    if (!stillLoading && (await api.idle(750, Math.max(1, deadline - Date.now())))) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A signed-in dashboard (as the administrator) whose queue has finished loading, and its API-call tracker. */
export async function openLoadedQueue(browser: Browser): Promise<{ page: Page; api: ReturnType<typeof trackApiCalls> }> {
  const page = await (await newBenchContext(browser)).newPage();
  const api = trackApiCalls(page);
  await signInThroughPage(page);
  await waitForQueueLoaded(page, api);
  return { page, api };
}
