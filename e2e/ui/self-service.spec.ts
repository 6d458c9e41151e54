import { expect, test } from "@playwright/test";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { MEGAN } from "../../stand-ins/demo-tenant";
import { clearGraphLog, graphLog, resetEmulator } from "../support/emulator";
import { cancelButton, cancelledNotice, confirmCancel, requestRow } from "../support/dashboard";
import { AUTH_STATE, expectSignedInAs } from "../support/sign-in";

test.use({ storageState: AUTH_STATE.megan });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test("Megan sees only her own requests and no 'All requests' view", async ({ page }) => {
  await page.goto("/");
  await expectSignedInAs(page, MEGAN.displayName);
  await expect(page.getByRole("button", { name: "My requests" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "All requests" })).toHaveCount(0);
  await page.getByLabel(/Show closed requests/).check();
  await expect(requestRow(page, "access-package", SEED_LANDMARKS.accessPackage.meganClosed.id)).toBeVisible();

  const principals = await page.locator("tbody tr[data-request-id] td:nth-child(2)").allInnerTexts();
  expect(principals.length).toBeGreaterThan(10);
  // PIM v1 calls her "Self" in Graph (as its docs examples do); the app names her from /me, so every row reads the same.
  expect(new Set(principals)).toEqual(new Set([MEGAN.displayName]));
  await expect(requestRow(page, "access-package", SEED_LANDMARKS.accessPackage.colleagueCancellable.id)).toHaveCount(0);
});

test("Megan's own access package cancel takes the self-service path with the documented body", async ({ page, request }) => {
  const target = SEED_LANDMARKS.accessPackage.meganCancellable;
  await page.goto("/");
  const row = requestRow(page, "access-package", target.id);
  await expect(row).toContainText(target.justification);
  await clearGraphLog(request);

  await cancelButton(row).click();
  await confirmCancel(page);
  await expect(cancelledNotice(page)).toBeVisible();

  const cancels = (await graphLog(request)).filter((call) => call.method === "POST" && call.path.endsWith("/cancel"));
  expect(cancels.map((c) => [c.path, c.status])).toEqual([
    [`/beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests/${target.id}/cancel`, 200],
  ]);
});
