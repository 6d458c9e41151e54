import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { ADMIN } from "../../stand-ins/demo-tenant";
import { graphState, resetEmulator, setGraphStatus } from "../support/emulator";
import { cancelButton, cancelledNotice, categoryChip, confirmCancel, holdCancelCalls, isFullyOnTop, requestRow } from "../support/dashboard";
import { AUTH_STATE, expectSignedInAs } from "../support/sign-in";

test.use({ storageState: AUTH_STATE.admin });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test("the administrator sees one queue of everyone's requests, oldest first, with counts per category", async ({ page }) => {
  await page.goto("/");
  await expectSignedInAs(page, ADMIN.displayName);
  await expect(page.getByRole("button", { name: "All requests" })).toHaveAttribute("aria-pressed", "true");
  const groups = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
  const packages = SEED_LANDMARKS.accessPackage.colleagueCancellable;
  await expect(requestRow(page, "group-assignment", groups.id)).toContainText(groups.justification);
  await expect(requestRow(page, "access-package", packages.id)).toContainText(packages.justification);

  for (const slug of ["group-assignment", "access-package", "directory-role-assignment"] as const) {
    await expect(categoryChip(page, slug).getByTestId("category-count")).toHaveText(/^\d+$/);
  }
  const created = await page.locator("tbody tr[data-request-id] time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
  expect(created.length).toBeGreaterThan(5);
  expect(created).toEqual([...created].sort());

  // A category chip narrows the queue to that category and its count matches the rows.
  await categoryChip(page, "access-package").click();
  const count = Number(await categoryChip(page, "access-package").getByTestId("category-count").innerText());
  await expect(page.getByTestId("row-count")).toHaveText(`${count} requests`);
  await expect(page.locator("tbody tr[data-request-id]")).toHaveCount(count);
  await expect(page.locator('tbody tr[data-request-id]:not([data-category="access-package"])')).toHaveCount(0);
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
  await expect(cancelledNotice(page)).toBeVisible();
  await page.getByLabel("Show service status").check();
  await expect(row.getByTestId("graph-status")).toHaveText("Canceled");
  expect((await graphState(request, "groupAssignmentScheduleRequests", target.id)).status).toBe("Canceled");
  await cancelledNotice(page).getByRole("button", { name: "Dismiss: Request cancelled" }).press("Enter");
  await expect(cancelledNotice(page)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Pending requests" })).toBeFocused();

  await page.reload();
  await expect(categoryChip(page, "group-assignment").getByTestId("category-count")).toBeVisible();
  await expect(requestRow(page, "group-assignment", SEED_LANDMARKS.groupAssignment.adminCancellable.id)).toBeVisible();
  await page.getByLabel("Search requests").fill(target.id);
  await expect(page.getByTestId("row-count")).toHaveText("0 requests");
  await page.getByLabel(/Show closed requests/).check();
  await expect(requestRow(page, "group-assignment", target.id).getByTestId("status-badge")).toHaveText("Cancelled");
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

  const alert = page.getByRole("alert").filter({ hasText: "Cancel refused" });
  await expect(alert).toContainText("Could not cancel");
  // Read back after the refusal: Graph now reports it delivered, so there is nothing left to cancel.
  await expect(alert).toContainText("Nothing to cancel: the request was already closed (Microsoft Graph reports it as delivered)");
  await expect(row.getByTestId("status-badge")).toHaveText("Completed");
  await expect(cancelButton(row)).toHaveCount(0);
});

test("Refresh shows what changed in Graph since the page loaded, and says how fresh the queue is", async ({ page, request }) => {
  const approved = SEED_LANDMARKS.groupEligibility.colleagueCancellable;
  await page.goto("/");
  const row = requestRow(page, "group-eligibility", approved.id);
  await expect(cancelButton(row)).toBeVisible();
  await expect(page.getByTestId("queue-updated")).toHaveText("Updated just now");

  // Approved in another portal: the page does not know until the admin refreshes.
  await setGraphStatus(request, "groupEligibilityScheduleRequests", approved.id, "Provisioned");
  await expect(cancelButton(row)).toBeVisible();
  const refresh = page.getByRole("button", { name: "Refresh" });
  await refresh.focus();
  await page.keyboard.press("Enter");
  await expect(row).toHaveCount(0);
  await expect(refresh).toBeEnabled();
  // Held while Graph answers, yet focus stays where the keyboard user left it.
  await expect(refresh).toBeFocused();
  // Closed requests are many (a virtualized table): the search brings this one on screen.
  await page.getByLabel(/Show closed requests/).check();
  await page.getByLabel("Search requests").fill(approved.id);
  await expect(row.getByTestId("status-badge")).toHaveText("Completed");
  await expect(cancelButton(row)).toHaveCount(0);
});

test.describe("in a window 1024 pixels wide", () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test("every row's Cancel is on screen without scrolling sideways, and the justification is still there", async ({ page }) => {
    const target = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
    await page.goto("/");
    const row = requestRow(page, "group-assignment", target.id);
    // Under the target now; the (hidden) justification column holds it too.
    await expect(row.getByRole("cell").nth(2).getByText(target.justification)).toBeVisible();
    const scroller = page.getByTestId("queue-scroll");
    expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const button = await cancelButton(row).boundingBox();
    expect(button!.x + button!.width).toBeLessThanOrEqual(1024);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await expect(page.getByRole("columnheader", { name: "Category" })).toBeHidden();
  });
});

test.describe("in a window 1440 pixels wide", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("category and justification have columns of their own", async ({ page }) => {
    const target = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
    await page.goto("/");
    await expect(page.getByRole("columnheader", { name: "Category" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Justification" })).toBeVisible();
    const row = requestRow(page, "group-assignment", target.id);
    await expect(row.getByRole("cell").nth(6)).toHaveText(target.justification);
    await expect(row.getByRole("cell").nth(2).getByText(target.justification)).toBeHidden();
  });
});

test("the details panel tells the whole story of a request and what cancelling does", async ({ page }) => {
  const target = SEED_LANDMARKS.groupAssignment.adminNotCancellable;
  await page.goto("/");
  await requestRow(page, "group-assignment", target.id).getByRole("button", { name: /^Details/ }).click();
  const panel = page.getByRole("dialog");
  await expect(panel.getByRole("heading", { level: 2 })).toContainText(target.targetDisplayName);
  await expect(panel).toContainText(target.justification);
  await expect(panel).toContainText("INC0045201 in ServiceNow");
  await expect(panel).toContainText("lasts 8 hours");
  await expect(panel).toContainText("Graph: PendingProvisioning");
  await expect(panel).toContainText("cannot be cancelled");
  await page.keyboard.press("Escape");

  const cancellable = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
  await requestRow(page, "group-assignment", cancellable.id).getByRole("button", { name: /^Details/ }).click();
  await expect(page.getByRole("dialog")).toContainText("If you cancel");
  await expect(page.getByRole("dialog")).toContainText("marked Canceled in PIM");
  await page.getByRole("button", { name: "Cancel this request…" }).click();
  await expect(page.getByRole("dialog", { name: "Cancel this request?" })).toBeVisible();
});

test("the dashboard, its panels and the cancel dialog pass an accessibility scan", async ({ page }) => {
  await page.goto("/");
  await expect(requestRow(page, "group-assignment", SEED_LANDMARKS.groupAssignment.colleagueCancellable.id)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await cancelButton(requestRow(page, "group-assignment", SEED_LANDMARKS.groupAssignment.colleagueCancellable.id)).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await isFullyOnTop(page.getByRole("dialog"))).toBe(true);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(cancelButton(requestRow(page, "group-assignment", SEED_LANDMARKS.groupAssignment.colleagueCancellable.id))).toBeFocused();

  await page.getByRole("button", { name: "Permissions" }).click();
  await expect(page.getByRole("dialog", { name: "What you can see and cancel" })).toBeVisible();
  expect(await isFullyOnTop(page.getByRole("dialog", { name: "What you can see and cancel" }))).toBe(true);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
