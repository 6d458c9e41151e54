import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { ADMIN } from "../../stand-ins/demo-tenant";
import { graphState, resetEmulator, setGraphStatus } from "../support/emulator";
import { cancelButton, categorySection, confirmCancel, holdCancelCalls, requestRow } from "../support/dashboard";
import { AUTH_STATE, expectSignedInAs } from "../support/sign-in";

test.use({ storageState: AUTH_STATE.admin });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test("the administrator sees everyone's requests in both categories, with counts", async ({ page }) => {
  await page.goto("/");
  await expectSignedInAs(page, ADMIN.displayName);
  await expect(page.getByRole("button", { name: "All requests" })).toHaveAttribute("aria-pressed", "true");

  for (const slug of ["group-assignment", "access-package"] as const) {
    const section = categorySection(page, slug);
    await expect(section.getByTestId("open-count")).toHaveText(/^\d+ open$/);
    await expect(section.getByRole("table")).toBeVisible();
  }
  const groups = SEED_LANDMARKS.groupAssignment;
  await expect(requestRow(page, "group-assignment", groups.colleagueCancellable.id)).toContainText(groups.colleagueCancellable.justification);
  const packages = SEED_LANDMARKS.accessPackage;
  await expect(requestRow(page, "access-package", packages.colleagueCancellable.id)).toContainText(packages.colleagueCancellable.justification);
});

test("a cancel shows at once, reaches Graph, and survives a reload", async ({ page, request }) => {
  const target = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
  await page.goto("/");
  const row = requestRow(page, "group-assignment", target.id);
  await expect(row.getByTestId("status-badge")).toHaveText("Awaiting approval");

  const hold = await holdCancelCalls(page);
  await cancelButton(row).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this request?" });
  await expect(dialog).toContainText(target.justification);
  await confirmCancel(page);

  // Optimistic: the row says Cancelled while Graph has not even been asked.
  await expect(row.getByTestId("status-badge")).toHaveText("Cancelled");
  await expect(cancelButton(row)).toHaveCount(0);
  expect((await graphState(request, "groupAssignmentScheduleRequests", target.id)).status).toBe(target.status);

  hold.release();
  await expect(categorySection(page, "group-assignment").getByRole("status").filter({ hasText: "Request cancelled" })).toBeVisible();
  await expect(row).toContainText("Canceled");
  expect((await graphState(request, "groupAssignmentScheduleRequests", target.id)).status).toBe("Canceled");

  await page.reload();
  const section = categorySection(page, "group-assignment");
  await expect(section.getByTestId("open-count")).toBeVisible();
  await expect(requestRow(page, "group-assignment", target.id)).toHaveCount(0);
  await section.getByLabel(/Show closed requests/).check();
  await expect(requestRow(page, "group-assignment", target.id).getByTestId("status-badge")).toHaveText("Cancelled");
});

test("requests that cannot be cancelled offer no Cancel button", async ({ page }) => {
  await page.goto("/");
  const groupRow = requestRow(page, "group-assignment", SEED_LANDMARKS.groupAssignment.adminNotCancellable.id);
  await expect(groupRow).toBeVisible();
  await expect(cancelButton(groupRow)).toHaveCount(0);
  const packageRow = requestRow(page, "access-package", SEED_LANDMARKS.accessPackage.adminNotCancellable.id);
  await expect(packageRow).toBeVisible();
  await expect(cancelButton(packageRow)).toHaveCount(0);
});

test("a cancel Graph refuses rolls back and says why", async ({ page, request }) => {
  const target = SEED_LANDMARKS.accessPackage.colleagueCancellable;
  await page.goto("/");
  const row = requestRow(page, "access-package", target.id);
  await expect(cancelButton(row)).toBeVisible();

  // Someone approved and delivered it after the page loaded.
  await setGraphStatus(request, "accessPackageAssignmentRequests", target.id, "Delivered");
  await cancelButton(row).click();
  await confirmCancel(page);

  const alert = categorySection(page, "access-package").getByRole("alert");
  await expect(alert).toContainText("Could not cancel");
  await expect(alert).toContainText("no longer in a state that can be cancelled");
  await expect(row.getByTestId("status-badge")).toHaveText("Completed");
  await expect(cancelButton(row)).toHaveCount(0);
});

test("the dashboard and the cancel dialog pass an accessibility scan", async ({ page }) => {
  await page.goto("/");
  await expect(categorySection(page, "group-assignment").getByRole("table")).toBeVisible();
  await expect(categorySection(page, "access-package").getByRole("table")).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await cancelButton(requestRow(page, "group-assignment", SEED_LANDMARKS.groupAssignment.colleagueCancellable.id)).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
