import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import { CATEGORIES_UNDER_TEST, storedStatus } from "../support/categories";
import { graphLog, graphState, resetEmulator, setGraphStatus } from "../support/emulator";
import { cancelButton, cancelledNotice, confirmCancel, requestRow } from "../support/dashboard";
import { readCsvDownload } from "../support/csv";
import { AUTH_STATE } from "../support/sign-in";

test.use({ storageState: AUTH_STATE.admin });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

async function select(page: Page, slug: string, id: string) {
  await page.getByLabel("Search requests").fill(id);
  await requestRow(page, slug as never, id).getByRole("checkbox").check();
}

test("bulk cancel across categories: every item ends with the right outcome and the receipt matches Graph", async ({ page, request }) => {
  const byCategory = new Map(CATEGORIES_UNDER_TEST.map((c) => [c.slug, c]));
  const picks = [
    { slug: "group-assignment", landmark: SEED_LANDMARKS.groupAssignment.colleagueCancellable },
    { slug: "access-package", landmark: SEED_LANDMARKS.accessPackage.colleagueCancellable },
    { slug: "directory-role-assignment", landmark: SEED_LANDMARKS.directoryRoleAssignment.colleagueCancellable },
    { slug: "governance-role", landmark: SEED_LANDMARKS.governanceRole.colleagueCancellable },
    { slug: "privileged-role", landmark: SEED_LANDMARKS.privilegedRole.colleagueCancellable },
  ] as const;
  // Approved and provisioned after the page loaded: over, nothing to cancel.
  const stale = { slug: "group-eligibility", landmark: SEED_LANDMARKS.groupEligibility.colleagueCancellable } as const;
  // Gone on to provisioning after the page loaded: still open, but past the point where it can be cancelled.
  const reopened = { slug: "directory-role-eligibility", landmark: SEED_LANDMARKS.directoryRoleEligibility.colleagueCancellable } as const;
  const appIdOf = (pick: { slug: string; landmark: { id: string } }) => byCategory.get(pick.slug as never)!.appId(pick.landmark as never);
  await page.goto("/");
  for (const pick of [...picks, stale, reopened]) await select(page, pick.slug, appIdOf(pick));
  await page.getByLabel("Search requests").fill("");
  await expect(page.getByRole("button", { name: "Cancel selected (7)" })).toBeEnabled();

  // Graph throttles the first two cancels it sees, and two requests change after the page loaded.
  await request.post(`${GRAPH_EMULATOR_URL}/_emulator/faults`, {
    data: { method: "POST", pathPattern: "/cancel$", status: 429, times: 2, retryAfterSeconds: 0.3 },
  });
  await setGraphStatus(request, "groupEligibilityScheduleRequests", stale.landmark.id, "Provisioned");
  await setGraphStatus(request, "directoryRoleEligibilityScheduleRequests", reopened.landmark.id, "PendingProvisioning");

  await page.getByRole("button", { name: "Cancel selected (7)" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel 7 requests?" });
  await expect(dialog.getByTestId("bulk-per-category")).toContainText("Access packages");
  await dialog.getByRole("button", { name: "Cancel 7 requests" }).click();

  const progress = page.getByTestId("bulk-progress");
  await expect(progress.getByRole("status")).toHaveText("Bulk cancel finished: 7 of 7 answered", { timeout: 30_000 });
  await expect(progress.locator('[data-outcome="cancelled"]')).toContainText("5 cancelled");
  await expect(progress.locator('[data-outcome="already_final"]')).toContainText("1 already closed");
  await expect(progress.locator('[data-outcome="not_cancellable"]')).toContainText("1 not cancellable");

  for (const { slug, landmark } of picks) {
    const category = byCategory.get(slug)!;
    expect(storedStatus(await graphState(request, category.collection, landmark.id)), slug).toBe(category.cancelledStatus);
  }
  expect(storedStatus(await graphState(request, "groupEligibilityScheduleRequests", stale.landmark.id))).toBe("Provisioned");
  expect(storedStatus(await graphState(request, "directoryRoleEligibilityScheduleRequests", reopened.landmark.id))).toBe("PendingProvisioning");
  // The throttling happened, and the throttled cancels were sent again rather than given up.
  const throttled = (await graphLog(request)).filter((call) => call.viaBatch && call.method === "POST" && call.status === 429);
  expect(throttled).toHaveLength(2);

  const download = page.waitForEvent("download");
  await progress.getByRole("button", { name: "Download receipt (CSV)" }).click();
  const receipt = await readCsvDownload((await (await download).path())!);
  expect(receipt.byteOrderMark).toBe(true);
  const [header, ...records] = receipt.rows;
  expect(header).toEqual(["id", "category", "principal", "target", "statusBefore", "outcome", "upstreamCode", "requestId", "time"]);
  expect(records).toHaveLength(7);
  const recordOf = (pick: { slug: string; landmark: { id: string } }) => records.find((r) => r[0] === appIdOf(pick) && r[1] === pick.slug)!;
  for (const pick of picks) expect(recordOf(pick)[5], pick.slug).toBe("cancelled");
  expect(recordOf(stale)[5]).toBe("already_final");
  expect(recordOf(reopened)[5]).toBe("not_cancellable");
  // What the row said before the run, and when each outcome became final.
  expect(recordOf(reopened)[4]).toBe("Granted");
  for (const record of records) {
    expect(record[2], "principal").not.toBe("");
    expect(record[3], "target").not.toBe("");
    expect(new Date(record[8]!).toISOString()).toBe(record[8]);
  }
  // Each cancel carries the request id Graph gave its answer: the one support would look up.
  const graphRequestIds = new Set((await graphLog(request)).map((call) => call.requestId));
  for (const pick of picks) expect(graphRequestIds.has(recordOf(pick)[7]!), `${pick.slug} request id`).toBe(true);
  // On screen, the one request not cancelled, with the id of Graph's refusal to hand to support.
  expect(graphRequestIds.has(recordOf(reopened)[7]!)).toBe(true);
  const problems = progress.getByTestId("bulk-problems");
  await problems.getByText("Not cancelled (1)").click();
  await expect(problems.getByTestId("support-reference")).toContainText(`Request ID ${recordOf(reopened)[7]}`);

  // The JSON receipt holds the same rows.
  const jsonDownload = page.waitForEvent("download");
  await progress.getByRole("button", { name: "Download receipt (JSON)" }).click();
  const json = JSON.parse(readFileSync((await (await jsonDownload).path())!, "utf8").replace(/^\uFEFF/, "")) as Array<Record<string, string>>;
  expect(json.map((row) => [row.id, row.category, row.outcome]).sort()).toEqual(records.map((r) => [r[0], r[1], r[5]]).sort());
});

test("select all matching the filter: the confirmation states what will be skipped and why", async ({ page }) => {
  await page.goto("/?category=group-assignment");
  await expect(page.getByTestId("row-count")).toHaveText(/^[1-9]\d* requests$/);
  const matching = Number((await page.getByTestId("row-count").innerText()).match(/\d+/)![0]);
  await page.getByRole("checkbox", { name: "Select every request matching the filter" }).check();
  await page.getByRole("button", { name: `Cancel selected (${matching})` }).click();

  // The seed's open PIM for Groups requests include ones being provisioned, which cannot be cancelled.
  const dialog = page.getByRole("dialog");
  const skipped = dialog.getByTestId("bulk-skipped");
  await expect(skipped).toContainText("Group access (active): Being provisioned (PendingProvisioning) cannot be cancelled");
  const skippedCount = Number((await skipped.locator("p").innerText()).match(/\d+/)![0]);
  const cancellable = matching - skippedCount;
  expect(cancellable).toBeGreaterThan(3);
  await expect(dialog.getByRole("heading")).toHaveText(`Cancel ${cancellable} requests?`);
  await expect(dialog.getByTestId("bulk-per-category")).toContainText(`Group access (active)${cancellable}`);
  await dialog.getByRole("button", { name: "Keep them" }).click();
  await expect(dialog).toHaveCount(0);
});

test("a selection with many kinds of skip keeps its confirm button in view, and a run replaces the last single cancel's message", async ({ page }) => {
  await page.goto("/");
  // The oldest row that offers Cancel (the oldest of all may be past cancelling, e.g. an Azure role being provisioned).
  const first = page.locator("tbody tr[data-request-id]").filter({ has: page.getByRole("button", { name: /^Cancel / }) }).first();
  await cancelButton(first).click();
  await confirmCancel(page);
  await expect(cancelledNotice(page)).toBeVisible();

  // Closed requests of every category and status: over a dozen reasons to skip.
  await page.getByLabel(/Show closed requests/).check();
  await page.getByRole("checkbox", { name: "Select every request matching the filter" }).check();
  await page.getByRole("button", { name: /^Cancel selected \(\d+\)$/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Skipped requests by reason" }).getByRole("listitem")).not.toHaveCount(0);
  expect(await dialog.getByRole("list", { name: "Skipped requests by reason" }).getByRole("listitem").count()).toBeGreaterThan(10);
  const confirm = dialog.getByRole("button", { name: /^Cancel \d+ requests$/ });
  await expect(confirm).toBeInViewport();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await confirm.click();
  await expect(page.getByTestId("bulk-progress").getByRole("status")).toContainText("Bulk cancel finished", { timeout: 30_000 });
  await expect(cancelledNotice(page)).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("a run cut short by closing the tab is reported on the next visit", async ({ page, context, request }) => {
  const targets = [SEED_LANDMARKS.groupAssignment.colleagueCancellable, SEED_LANDMARKS.groupAssignment.adminCancellable];
  await page.goto("/");
  for (const landmark of targets) await select(page, "group-assignment", landmark.id);
  await page.getByLabel("Search requests").fill("");
  // Graph is slow enough that the tab closes before any answer.
  await request.post(`${GRAPH_EMULATOR_URL}/_emulator/config`, { data: { latencyMs: 4000 } });
  await page.getByRole("button", { name: "Cancel selected (2)" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel 2 requests" }).click();
  await expect(page.getByTestId("bulk-progress")).toContainText("Cancelling…");
  // Rows mid-run already say what is happening to them: no refresh to undo that until the run ends.
  await expect(page.getByRole("button", { name: "Refresh" })).toBeDisabled();
  await page.close();
  await request.post(`${GRAPH_EMULATOR_URL}/_emulator/config`, { data: { latencyMs: 0 } });

  const next = await context.newPage();
  await next.goto("/");
  const notice = next.getByRole("alert").filter({ hasText: "did not finish" });
  await expect(notice).toContainText("2 of 2 requests were not confirmed");
  await expect(notice.getByTestId("unconfirmed-requests")).toContainText(targets[0]!.targetDisplayName);
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
});
