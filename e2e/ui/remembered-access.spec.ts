import { expect, test, type Page } from "@playwright/test";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { requestRow } from "../support/dashboard";
import { resetEmulator } from "../support/emulator";
import { AUTH_STATE } from "../support/sign-in";

// The dashboard lists at once with the access probe's answer remembered from the last visit, and still asks
// Graph again every time (lib/queries/remembered-access.ts).

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

/** Holds the app's access probe until `release()`. */
async function holdAccessProbe(page: Page): Promise<{ release: () => void }> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/access", async (route) => {
    await held;
    await route.continue();
  });
  return { release };
}

test.describe("a returning administrator", () => {
  test.use({ storageState: AUTH_STATE.admin });

  test("sees everyone's requests before Graph has answered the access check again", async ({ page }) => {
    const colleagueRow = requestRow(page, "access-package", SEED_LANDMARKS.accessPackage.colleagueCancellable.id);
    await page.goto("/");
    await expect(colleagueRow).toBeVisible();

    const probe = await holdAccessProbe(page);
    await page.reload();
    await expect(colleagueRow).toBeVisible();
    await expect(page.getByText("Checking what Microsoft Graph lets you see")).toHaveCount(0);
    probe.release();
    await expect(page.getByRole("button", { name: "All requests", pressed: true })).toBeVisible();
  });
});

test.describe("a remembered answer that Graph no longer gives", () => {
  test.use({ storageState: AUTH_STATE.megan });

  test("is replaced by the fresh one: Megan ends up on her own requests, not on a refusal", async ({ page }) => {
    const ownRow = requestRow(page, "access-package", SEED_LANDMARKS.accessPackage.meganCancellable.id);
    await page.goto("/");
    await expect(ownRow).toBeVisible();

    // As if she had been an administrator on her last visit: every category's "all" view remembered as available.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage).filter((k) => k.startsWith("request-desk.access."))) {
        const remembered = JSON.parse(localStorage.getItem(key)!) as { categories: Array<{ views: { all: unknown } }> };
        for (const category of remembered.categories) category.views.all = { available: true };
        localStorage.setItem(key, JSON.stringify(remembered));
      }
    });
    const probe = await holdAccessProbe(page);
    await page.reload();
    await expect(page.getByText("Everyone's requests you can act on as an administrator.")).toBeVisible();
    probe.release();

    await expect(page.getByText("Requests you made, or that were made for you.")).toBeVisible();
    await expect(ownRow).toBeVisible();
    await expect(requestRow(page, "access-package", SEED_LANDMARKS.accessPackage.colleagueCancellable.id)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "All requests" })).toHaveCount(0);
    const stillRememberedAsAdmin = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith("request-desk.access."))
        .some((k) => localStorage.getItem(k)!.includes('"all":{"available":true}')),
    );
    expect(stillRememberedAsAdmin).toBe(false);
  });
});
