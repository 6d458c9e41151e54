import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_HELP } from "../e2e/support/chromium";
import { ADMIN, DEMO_PASSWORD } from "../stand-ins/demo-tenant";
import { APP_URL } from "../scripts/demo-env";

/**
 * B1: first-load JavaScript of `/`, as Chromium receives it: the sum of the encoded (transferred, gzip) body
 * bytes of every script response, for the signed-out landing page and for the signed-in dashboard.
 * Expects the demo stack to be running (bench/run-all.ts starts it).
 */
export async function measureFirstLoadJs(): Promise<{ landingKiB: number; dashboardKiB: number }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM_HELP);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const landingKiB = await scriptKiB(page, async () => {
      await page.goto(APP_URL, { waitUntil: "networkidle" });
    });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(ADMIN.userPrincipalName);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${APP_URL}/**`);
    await page.getByTestId("signed-in-user").waitFor();
    // A fresh page in the signed-in context, with an empty HTTP cache, is what a returning admin's first load costs.
    const fresh = await context.newPage();
    const dashboardKiB = await scriptKiB(fresh, async () => {
      await fresh.goto(APP_URL, { waitUntil: "networkidle" });
      await fresh.getByRole("table").first().waitFor();
    });
    return { landingKiB, dashboardKiB };
  } finally {
    await browser.close();
  }
}

async function scriptKiB(page: Page, load: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Map<string, string>();
  let bytes = 0;
  const perScript: string[] = [];
  cdp.on("Network.responseReceived", (event) => {
    if (event.type === "Script") scripts.set(event.requestId, new URL(event.response.url).pathname);
  });
  cdp.on("Network.loadingFinished", (event) => {
    // encodedDataLength counts headers too; subtracting nothing keeps this an honest upper bound of the wire cost.
    const script = scripts.get(event.requestId);
    if (script === undefined) return;
    bytes += event.encodedDataLength;
    perScript.push(`${(event.encodedDataLength / 1024).toFixed(1).padStart(6)} KiB ${script}`);
  });
  await load();
  await cdp.detach();
  // B1_SCRIPTS=1 lists what was counted, largest first: where to look when the figure moves.
  if (process.env.B1_SCRIPTS) console.log(perScript.sort().reverse().join("\n"));
  return bytes / 1024;
}
