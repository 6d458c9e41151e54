import { expect, test } from "@playwright/test";
import { CATEGORIES_UNDER_TEST, storedStatus } from "../support/categories";
import { graphState, resetEmulator } from "../support/emulator";
import { cancelButton, cancelledNotice, confirmCancel, requestRow } from "../support/dashboard";
import { AUTH_STATE } from "../support/sign-in";
import { accessTokenFor } from "../support/tokens";

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test.describe("an administrator, in every category", () => {
  test.use({ storageState: AUTH_STATE.admin });

  for (const category of CATEGORIES_UNDER_TEST) {
    test(`${category.slug}: cancels someone's cancellable request, and is offered no Cancel on one that is not`, async ({ page, request }) => {
      const { colleagueCancellable, colleagueNotCancellable } = category.landmarks;
      await page.goto("/");
      // Search by id brings the row on screen whatever the queue's length; PIM v1's is already closed (Cancelling).
      await page.getByLabel(/Show closed requests/).check();
      const blocked = requestRow(page, category.slug, category.appId(colleagueNotCancellable));
      await page.getByLabel("Search requests").fill(category.appId(colleagueNotCancellable));
      await expect(blocked).toBeVisible();
      await expect(cancelButton(blocked)).toHaveCount(0);

      await page.getByLabel("Search requests").fill(category.appId(colleagueCancellable));
      const row = requestRow(page, category.slug, category.appId(colleagueCancellable));
      await expect(row).toContainText(colleagueCancellable.justification);
      await cancelButton(row).click();
      await confirmCancel(page);
      await expect(cancelledNotice(page)).toBeVisible();
      await expect(row.getByTestId("status-badge")).toHaveText(category.cancelledBadge);
      expect(storedStatus(await graphState(request, category.collection, colleagueCancellable.id))).toBe(category.cancelledStatus);
    });
  }
});

test.describe("a self-service user, in every category", () => {
  test.use({ storageState: AUTH_STATE.megan });

  for (const category of CATEGORIES_UNDER_TEST) {
    test(`${category.slug}: Megan cancels her own request`, async ({ page, request }) => {
      const mine = category.landmarks.meganCancellable;
      await page.goto("/");
      await expect(page.getByRole("button", { name: "My requests" })).toHaveAttribute("aria-pressed", "true");
      const row = requestRow(page, category.slug, category.appId(mine));
      await expect(row).toContainText(mine.justification);
      await cancelButton(row).click();
      await confirmCancel(page);
      await expect(cancelledNotice(page)).toBeVisible();
      expect(storedStatus(await graphState(request, category.collection, mine.id))).toBe(category.cancelledStatus);
    });
  }

  test("Megan cannot cancel anyone else's request in any category", async ({ browser, request }) => {
    const token = await accessTokenFor(browser, AUTH_STATE.megan);
    for (const category of CATEGORIES_UNDER_TEST) {
      const theirs = category.landmarks.colleagueCancellable;
      const response = await request.post(`/api/requests/${category.slug}/${category.appId(theirs)}/cancel`, {
        headers: { Authorization: `Bearer ${token}` },
        data: { view: "mine" },
      });
      expect(response.status(), category.slug).toBe(403);
      expect((await response.json()).error.code, category.slug).toBe("forbidden");
      expect(storedStatus(await graphState(request, category.collection, theirs.id)), category.slug).toBe(theirs.status);
    }
  });
});
