import { expect, test } from "@playwright/test";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import { NO_VISIBLE_SCOPES_MESSAGE } from "../../lib/arm/no-visible-scopes";
import { resetArm } from "../support/arm";
import { ARM_CATEGORIES_UNDER_TEST } from "../support/categories";
import { resetEmulator } from "../support/emulator";
import { categoryChip, categoryNotice, requestRow } from "../support/dashboard";
import { AUTH_STATE } from "../support/sign-in";

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test.describe("a permission the tenant never granted", () => {
  test.use({ storageState: AUTH_STATE.lee });

  test("the category says which permission is missing and how to grant it; the rest of the page works", async ({ page }) => {
    await page.goto("/");
    const notice = categoryNotice(page, "directory-role-eligibility");
    await expect(notice).toContainText("needs admin consent");
    await expect(notice).toContainText("RoleEligibilitySchedule.ReadWrite.Directory");
    await expect(notice).toContainText("Grant admin consent");
    await expect(requestRow(page, "directory-role-assignment", SEED_LANDMARKS.directoryRoleAssignment.colleagueCancellable.id)).toBeVisible();

    await page.getByRole("button", { name: "Permissions" }).click();
    const panel = page.getByRole("dialog", { name: "What you can see and cancel" });
    // Lee's roles come from Graph, not from his token.
    await expect(panel.locator("[data-directory-roles]")).toContainText("Identity Governance Administrator, Privileged Role Administrator");
    const eligibility = panel.locator('[data-permission-category="directory-role-eligibility"]');
    await expect(eligibility).toContainText("Needs admin consent");
    await expect(eligibility).toContainText("RoleEligibilitySchedule.ReadWrite.Directory");
    await expect(panel.locator('[data-permission-category="directory-role-assignment"]')).not.toContainText("Not available");
  });
});

test.describe("Megan's permissions panel", () => {
  test.use({ storageState: AUTH_STATE.megan });

  test("explains that everyone's requests need a directory role, not a permission", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Permissions" }).click();
    await expect(page.getByRole("dialog").locator("[data-directory-roles]")).toHaveText("Microsoft Graph reports no active directory role for you.");
    const groups = page.getByRole("dialog").locator('[data-permission-category="group-assignment"]');
    await expect(groups.locator('[data-view-line="Your own requests"]')).toContainText("Available");
    await expect(groups.locator("[data-view-line=\"Everyone's requests\"]")).toContainText("Not available");
    await expect(groups.locator("[data-view-line=\"Everyone's requests\"]")).toContainText("Privileged Role Administrator");

    // Closing puts focus back where it was, and the panel opens again (it is loaded once, then kept).
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Permissions" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "What you can see and cancel" })).toBeVisible();
  });

  // Megan holds no Azure role on any subscription or management group: everyone's Azure requests are not hers to see,
  // with that reason, while her own requests of both upstreams load. She has no "All requests" view at all (no Graph
  // category lets her list everyone's either), so the panel is where that view's state is shown.
  test("with no Azure role, everyone's Azure requests read as unavailable with the reason while her own rows of both APIs load", async ({ page, request }) => {
    await resetArm(request);
    await page.goto("/");
    await expect(page.getByRole("button", { name: "All requests" })).toHaveCount(0);
    await expect(requestRow(page, "access-package", SEED_LANDMARKS.accessPackage.meganCancellable.id)).toBeVisible();
    for (const category of ARM_CATEGORIES_UNDER_TEST) {
      const mine = category.landmarks.meganCancellable;
      await page.getByLabel("Search requests").fill(category.appId(mine));
      await expect(requestRow(page, category.slug, category.appId(mine)), category.slug).toBeVisible();
      await expect(categoryNotice(page, category.slug), category.slug).toHaveCount(0);
    }
    await page.getByLabel("Search requests").fill("");

    await page.getByRole("button", { name: "Permissions" }).click();
    const panel = page.getByRole("dialog", { name: "What you can see and cancel" });
    for (const category of ARM_CATEGORIES_UNDER_TEST) {
      const lines = panel.locator(`[data-permission-category="${category.slug}"]`);
      await expect(lines.locator('[data-view-line="Your own requests"]'), category.slug).toContainText("Available");
      const everyone = lines.locator("[data-view-line=\"Everyone's requests\"]");
      await expect(everyone, category.slug).toContainText("Not available");
      await expect(everyone, category.slug).toContainText(NO_VISIBLE_SCOPES_MESSAGE);
      await expect(everyone, category.slug).toContainText("Ask an Owner of the subscription or management group");
    }
  });
});

test.describe("a failing category", () => {
  test.use({ storageState: AUTH_STATE.admin });

  test("shows its own notice with a retry while every other category keeps working", async ({ page, request }) => {
    // Graph keeps failing the access package list (not the probe, which only needs one answer).
    const fault = await request.post(`${GRAPH_EMULATOR_URL}/_emulator/faults`, {
      data: { method: "GET", pathPattern: "/entitlementManagement/assignmentRequests$", status: 503, times: 50 },
    });
    expect(fault.ok()).toBe(true);
    await page.goto("/");
    const notice = categoryNotice(page, "access-package");
    await expect(notice).toContainText("could not be loaded", { timeout: 30_000 });
    await expect(notice).toContainText("temporarily unavailable");
    await expect(requestRow(page, "group-assignment", SEED_LANDMARKS.groupAssignment.colleagueCancellable.id)).toBeVisible();
    await expect(requestRow(page, "directory-role-assignment", SEED_LANDMARKS.directoryRoleAssignment.colleagueCancellable.id)).toBeVisible();

    await request.delete(`${GRAPH_EMULATOR_URL}/_emulator/faults`);
    await notice.getByRole("button", { name: "Try again" }).click();
    await expect(requestRow(page, "access-package", SEED_LANDMARKS.accessPackage.colleagueCancellable.id)).toBeVisible();
    await expect(notice).toHaveCount(0);
  });

  test("a retired API that returns nothing is presented as retired, not as a failure", async ({ page, request }) => {
    expect((await request.post(`${GRAPH_EMULATOR_URL}/_emulator/config`, { data: { bRetired: true } })).ok()).toBe(true);
    await page.goto("/");
    const notice = categoryNotice(page, "privileged-role");
    await expect(notice).toContainText("retired by Microsoft");
    await expect(notice).toContainText("31 May 2021");
    await expect(notice).not.toContainText("could not be loaded");
    await expect(categoryChip(page, "privileged-role")).toContainText("retired");
    await expect(requestRow(page, "group-assignment", SEED_LANDMARKS.groupAssignment.colleagueCancellable.id)).toBeVisible();
  });
});
