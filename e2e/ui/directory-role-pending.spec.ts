import { expect, test, type APIRequestContext } from "@playwright/test";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import { ADMIN } from "../../stand-ins/demo-tenant";
import { cancelButton, cancelledNotice, confirmCancel, requestRow } from "../support/dashboard";
import { graphLog, graphState, resetEmulator } from "../support/emulator";
import { AUTH_STATE } from "../support/sign-in";

// A directory-role activation awaiting approval: Graph's cancel page names only Granted, but Microsoft's PIM docs and
// the Entra admin center let the requester cancel it, so Request Desk offers Cancel. Where Graph refuses it after
// all (the emulator's switch that reads the page literally), the refusal is explained and the Cancel goes away.

test.use({ storageState: AUTH_STATE.admin });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

const COLLECTION = "directoryRoleAssignmentScheduleRequests";

/** Adele's own directory-role activation that is waiting for an approver. */
async function adelesPendingActivation(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${GRAPH_EMULATOR_URL}/_emulator/state/${COLLECTION}`);
  const records = (await response.json()) as Array<{ id: string; principalId: string; status: string }>;
  return records.find((r) => r.principalId === ADMIN.oid && r.status === "PendingApproval")!.id;
}

test("Adele cancels her own activation awaiting approval, from My requests", async ({ page, request }) => {
  const id = await adelesPendingActivation(request);
  await page.goto("/?view=mine&category=directory-role-assignment");
  const row = requestRow(page, "directory-role-assignment", id);
  await expect(row).toContainText("Awaiting approval");
  await cancelButton(row).click();
  await confirmCancel(page);
  await expect(cancelledNotice(page)).toBeVisible();
  expect((await graphState(request, COLLECTION, id)).status).toBe("Canceled");
});

test("where Graph refuses it as its page reads, the refusal is explained and the row keeps no Cancel", async ({ page, request }) => {
  expect((await request.post(`${GRAPH_EMULATOR_URL}/_emulator/config`, { data: { eCancelPendingApproval: false } })).ok()).toBe(true);
  const id = await adelesPendingActivation(request);
  await page.goto("/?view=mine&category=directory-role-assignment");
  const row = requestRow(page, "directory-role-assignment", id);
  await cancelButton(row).click();
  await confirmCancel(page);
  await expect(page.getByRole("alert").filter({ hasText: "Cancel refused" })).toContainText("it is still open (PendingApproval) but past the point where it can be cancelled");
  await expect(row).toBeVisible();
  await expect(cancelButton(row)).toHaveCount(0);
  expect((await graphState(request, COLLECTION, id)).status).toBe("PendingApproval");
});

test("the bulk dialog takes an activation awaiting approval too, and Graph cancels it once", async ({ page, request }) => {
  const id = await adelesPendingActivation(request);
  await page.goto("/?view=mine&category=directory-role-assignment");
  const row = requestRow(page, "directory-role-assignment", id);
  await expect(row).toContainText("Awaiting approval");
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Cancel selected (1)" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel 1 request?" });
  await expect(dialog.getByTestId("bulk-skipped")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Cancel 1 request" }).click();
  const progress = page.getByTestId("bulk-progress");
  await expect(progress.getByRole("status")).toHaveText("Bulk cancel finished: 1 of 1 answered", { timeout: 30_000 });
  await expect(progress.locator('[data-outcome="cancelled"]')).toContainText("1 cancelled");
  expect((await graphState(request, COLLECTION, id)).status).toBe("Canceled");
  const cancels = (await graphLog(request)).filter((call) => call.method === "POST" && call.path.includes(id) && call.path.endsWith("/cancel"));
  expect(cancels).toHaveLength(1);
});
