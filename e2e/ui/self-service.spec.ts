import { expect, test } from "@playwright/test";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { MEGAN } from "../../stand-ins/demo-tenant";
import { clearGraphLog, graphLog, graphState, resetEmulator } from "../support/emulator";
import { cancelButton, categorySection, confirmCancel, requestRow } from "../support/dashboard";
import { AUTH_STATE, expectSignedInAs } from "../support/sign-in";
import { accessTokenFor } from "../support/tokens";

test.use({ storageState: AUTH_STATE.megan });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test("Megan sees only her own requests and no 'All requests' view", async ({ page }) => {
  await page.goto("/");
  await expectSignedInAs(page, MEGAN.displayName);
  await expect(page.getByRole("button", { name: "My requests" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "All requests" })).toHaveCount(0);

  for (const slug of ["group-assignment", "access-package"] as const) {
    const section = categorySection(page, slug);
    await expect(section.getByRole("table")).toBeVisible();
    await section.getByLabel(/Show closed requests/).check();
    const principals = await section.locator("tbody tr td:first-child").allInnerTexts();
    expect(principals.length).toBeGreaterThan(0);
    expect(new Set(principals)).toEqual(new Set([MEGAN.displayName]));
  }
  await expect(requestRow(page, "access-package", SEED_LANDMARKS.accessPackage.colleagueCancellable.id)).toHaveCount(0);
});

test("Megan cancels her own access package request through the self-service path", async ({ page, request }) => {
  const target = SEED_LANDMARKS.accessPackage.meganCancellable;
  await page.goto("/");
  const row = requestRow(page, "access-package", target.id);
  await expect(row).toContainText(target.justification);
  await clearGraphLog(request);

  await cancelButton(row).click();
  await confirmCancel(page);
  await expect(row.getByTestId("status-badge")).toHaveText("Cancelled");
  await expect(categorySection(page, "access-package").getByRole("status").filter({ hasText: "Request cancelled" })).toBeVisible();

  const stored = await graphState(request, "accessPackageAssignmentRequests", target.id);
  expect(String(stored.state ?? stored.status).toLowerCase()).toContain("cancel");
  const cancels = (await graphLog(request)).filter((call) => call.method === "POST" && call.path.endsWith("/cancel"));
  expect(cancels.map((c) => [c.path, c.status])).toEqual([
    [`/beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests/${target.id}/cancel`, 200],
  ]);
});

test("Megan cannot cancel someone else's request", async ({ request, browser }) => {
  const token = await accessTokenFor(browser, AUTH_STATE.megan);
  const theirs = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
  const response = await request.post(`/api/requests/group-assignment/${theirs.id}/cancel`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { view: "mine" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("forbidden");
  expect((await graphState(request, "groupAssignmentScheduleRequests", theirs.id)).status).toBe(theirs.status);
});
