// README screenshots, retaken from the running demo in both themes: `npm run screenshots` starts its own stack
// (the benchmarks' one, on the demo ports), signs in through the real sign-in page and writes docs/screenshots/.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { launchChromium, signInThroughPage, trackApiCalls, waitForQueueLoaded } from "../bench/support/browser";
import { withStack } from "../bench/support/bench-stack";
import { PATTI } from "../stand-ins/demo-tenant";
import { SEED_LANDMARKS } from "../stand-ins/graph-emulator/seed";

const OUT = path.resolve(import.meta.dirname, "..", "docs", "screenshots");
const THEMES = ["light", "dark"] as const;

const row = (page: Page, slug: string, id: string) => page.locator(`tr[data-category="${slug}"][data-request-id="${id}"]`);

async function shoot(page: Page, name: string, theme: string): Promise<void> {
  // Let transitions (dialog fade-in) finish so the picture shows what a reader sees.
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, `${name}-${theme}.png`) });
  console.log(`docs/screenshots/${name}-${theme}.png`);
}

async function screenshots(theme: (typeof THEMES)[number]): Promise<void> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const api = trackApiCalls(page);
    await signInThroughPage(page);
    await waitForQueueLoaded(page, api);
    await shoot(page, "queue", theme);

    const target = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
    await row(page, "group-assignment", target.id).getByRole("button", { name: /^Details/ }).click();
    await page.getByRole("dialog").getByText("If you cancel").waitFor();
    await shoot(page, "details", theme);
    await page.keyboard.press("Escape");

    // Four requests that can be cancelled and one that cannot, so the confirmation shows what it skips and why.
    const rows = page.locator("tbody tr[data-request-id]");
    const withCancel = rows.filter({ has: page.getByRole("button", { name: /^Cancel / }) });
    for (let i = 0; i < 4; i++) await withCancel.nth(i).getByRole("checkbox").check();
    await rows.filter({ hasNot: page.getByRole("button", { name: /^Cancel / }) }).first().getByRole("checkbox").check();
    await page.getByRole("button", { name: /^Cancel selected \(\d+\)$/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: /^Cancel \d+ requests?$/ }).waitFor();
    await shoot(page, "bulk-confirmation", theme);
    await page.getByRole("dialog").getByRole("button", { name: /^Cancel \d+ requests?$/ }).click();
    await page.getByTestId("bulk-progress").getByRole("button", { name: "Download receipt (CSV)" }).waitFor({ timeout: 60_000 });
    await page.getByTestId("bulk-progress").scrollIntoViewIfNeeded();
    await shoot(page, "bulk-receipt", theme);

    await page.getByRole("button", { name: "Permissions" }).click();
    await page.getByRole("dialog", { name: "What you can see and cancel" }).waitFor();
    await shoot(page, "permissions", theme);

    // A tenant that signed up today and granted nothing but User.Read: every category waits for admin consent.
    const newcomer = await browser.newContext({ colorScheme: theme, viewport: { width: 1440, height: 900 } });
    const patti = await newcomer.newPage();
    await signInThroughPage(patti, PATTI.userPrincipalName);
    await patti.locator("[data-consent-summary]").waitFor({ timeout: 60_000 });
    await shoot(patti, "consent", theme);
  } finally {
    await browser.close();
  }
}

await mkdir(OUT, { recursive: true });
// A fresh stack per theme: the light run's bulk cancel would otherwise leave the dark run fewer open requests.
for (const theme of THEMES) await withStack({}, () => screenshots(theme));
