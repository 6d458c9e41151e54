import { expect, test } from "@playwright/test";
import { bulkLineSchema, type BulkOutcomeLine } from "../../lib/requests/bulk-outcome";
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
      const { colleagueCancellable, colleagueNotCancellable, adminNotCancellable } = category.landmarks;
      await page.goto("/");
      // Search by id brings the row on screen whatever the queue's length. Two that Graph will not cancel, one of
      // them still open (PIM v1's colleague one is closed, Cancelling; Adele's is Approved, open but past cancelling).
      await page.getByLabel(/Show closed requests/).check();
      for (const notCancellable of [colleagueNotCancellable, adminNotCancellable]) {
        const blocked = requestRow(page, category.slug, category.appId(notCancellable));
        await page.getByLabel("Search requests").fill(category.appId(notCancellable));
        await expect(blocked).toBeVisible();
        await expect(cancelButton(blocked)).toHaveCount(0);
      }

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

  test("directory roles: a Privileged Role Administrator cancels her own Granted requests from My requests", async ({ page, request }) => {
    const needRole = CATEGORIES_UNDER_TEST.filter((c) => c.cancelNeedsRole);
    expect(needRole.map((c) => c.slug)).toEqual(["directory-role-assignment", "directory-role-eligibility"]);
    await page.goto("/");
    await page.getByRole("button", { name: "My requests" }).click();
    await expect(page.getByRole("button", { name: "My requests" })).toHaveAttribute("aria-pressed", "true");
    await page.getByLabel(/Show closed requests/).check();
    for (const category of needRole) {
      const own = category.landmarks.adminCancellable;
      await page.getByLabel("Search requests").fill(category.appId(own));
      const row = requestRow(page, category.slug, category.appId(own));
      await expect(row).toContainText(own.justification);
      await cancelButton(row).click();
      await confirmCancel(page);
      await expect(cancelledNotice(page)).toBeVisible();
      await expect(row.getByTestId("status-badge")).toHaveText(category.cancelledBadge);
      expect(storedStatus(await graphState(request, category.collection, own.id)), category.slug).toBe(category.cancelledStatus);
    }
  });
});

test.describe("a self-service user, in every category", () => {
  test.use({ storageState: AUTH_STATE.megan });

  for (const category of CATEGORIES_UNDER_TEST.filter((c) => c.cancelNeedsRole)) {
    test(`${category.slug}: Megan is offered no Cancel on her own request, and its details say why`, async ({ page, request }) => {
      const mine = category.landmarks.meganCancellable;
      await page.goto("/");
      await expect(page.getByRole("button", { name: "My requests" })).toHaveAttribute("aria-pressed", "true");
      const row = requestRow(page, category.slug, category.appId(mine));
      await expect(row).toContainText(mine.justification);
      await expect(cancelButton(row)).toHaveCount(0);

      await row.getByRole("button", { name: /^Details of / }).click();
      const details = page.getByRole("dialog");
      const cancelling = details.getByRole("region", { name: "What cancelling does" });
      await expect(cancelling).toContainText(`Only a ${category.cancelNeedsRole}`);
      await expect(cancelling).toContainText(`Ask a ${category.cancelNeedsRole} to cancel it`);
      await expect(details.getByRole("button", { name: /^Cancel this request/ })).toHaveCount(0);
      expect(storedStatus(await graphState(request, category.collection, mine.id))).toBe(mine.status);
    });
  }

  for (const category of CATEGORIES_UNDER_TEST.filter((c) => !c.cancelNeedsRole)) {
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

  test("a cancel of her own directory role request sent anyway is refused 403 forbidden, one by one and in bulk", async ({ browser, request }) => {
    const headers = { Authorization: `Bearer ${await accessTokenFor(browser, AUTH_STATE.megan)}` };
    const needRole = CATEGORIES_UNDER_TEST.filter((c) => c.cancelNeedsRole);
    expect(needRole.map((c) => c.slug)).toEqual(["directory-role-assignment", "directory-role-eligibility"]);
    const items = needRole.map((c) => ({ category: c.slug, id: c.appId(c.landmarks.meganCancellable) }));
    for (const item of items) {
      const response = await request.post(`/api/requests/${item.category}/${item.id}/cancel`, { headers, data: { view: "mine" } });
      expect(response.status(), item.category).toBe(403);
      const { error } = await response.json();
      expect(error, item.category).toMatchObject({ code: "forbidden", upstreamCode: "Authorization_RequestDenied" });
      expect(error.message, item.category).toMatch(/does not let you cancel/);
    }

    const bulk = await request.post("/api/requests/cancel", { headers, data: { items, view: "mine" } });
    expect(bulk.status()).toBe(200);
    const lines = (await bulk.text()).trimEnd().split("\n").map((line) => bulkLineSchema.parse(JSON.parse(line)));
    const outcomes = lines.filter((line): line is BulkOutcomeLine => line.type === "outcome");
    expect(outcomes.map((o) => [o.category, o.outcome, o.upstreamCode]).sort()).toEqual(
      items.map((i) => [i.category, "forbidden", "Authorization_RequestDenied"]).sort(),
    );
    for (const outcome of outcomes) expect(outcome.message).toMatch(/does not let you cancel/);
    for (const category of needRole) {
      const mine = category.landmarks.meganCancellable;
      expect(storedStatus(await graphState(request, category.collection, mine.id)), category.slug).toBe(mine.status);
    }
  });
});
