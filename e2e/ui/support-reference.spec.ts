import { expect, test } from "@playwright/test";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import { graphLog, resetEmulator } from "../support/emulator";
import { cancelButton, confirmCancel, requestRow } from "../support/dashboard";
import { AUTH_STATE } from "../support/sign-in";

test.use({ storageState: AUTH_STATE.admin });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test("a refused cancel shows Graph's request id and the time, copyable, and Graph's log has that id", async ({ page, request, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const target = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
  await page.goto("/");
  const row = requestRow(page, "group-assignment", target.id);
  await expect(row.getByTestId("status-badge")).toHaveText("Awaiting approval");

  await request.post(`${GRAPH_EMULATOR_URL}/_emulator/faults`, { data: { method: "POST", pathPattern: "/cancel$", status: 403, times: 5 } });
  await cancelButton(row).click();
  await confirmCancel(page);

  const alert = page.getByRole("alert").filter({ hasText: "Cancel refused" });
  const reference = alert.getByTestId("support-reference");
  await expect(reference).toContainText(/Request ID [0-9a-f-]{36}/);
  const requestId = (await reference.locator("code").textContent())!;
  const shownTime = await reference.locator("time").getAttribute("datetime");
  expect(Math.abs(Date.now() - Date.parse(shownTime!))).toBeLessThan(5 * 60_000);

  // The id the admin sees is the one Graph gave the refused cancel.
  const refused = (await graphLog(request)).filter((call) => call.requestId === requestId);
  expect(refused).toEqual([expect.objectContaining({ method: "POST", status: 403 })]);
  expect(refused[0]!.path).toMatch(/\/cancel$/);

  await reference.getByRole("button", { name: "Copy support details" }).click();
  await expect(reference.getByRole("button", { name: "Copied support details" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`request-id: ${requestId}`);
  expect(copied).toContain(`time: ${shownTime}`);
});
