import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { AUTH_STATE } from "../support/sign-in";

test("a signed-out visitor gets the landing page with Sign in, and it passes an accessibility scan", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Every pending access request, one queue.");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test.describe("signed in", () => {
  test.use({ storageState: AUTH_STATE.admin });

  test("Sign out ends the session and returns to the landing page", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("button", { name: "Permissions" })).toBeVisible();
    const rememberedAccess = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("request-desk.access.")));
    await expect.poll(rememberedAccess).toHaveLength(1);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    // Nothing of what this account could see stays behind for the next person at this browser.
    expect(await rememberedAccess()).toEqual([]);
  });
});
