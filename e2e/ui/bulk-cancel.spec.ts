import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import { CATEGORIES_UNDER_TEST, storedStatus } from "../support/categories";
import { graphState, resetEmulator, setGraphStatus } from "../support/emulator";
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
  const stale = { slug: "group-eligibility", landmark: SEED_LANDMARKS.groupEligibility.colleagueCancellable } as const;
  await page.goto("/");
  for (const { slug, landmark } of [...picks, stale]) await select(page, slug, byCategory.get(slug)!.appId(landmark));
  await page.getByLabel("Search requests").fill("");
  await expect(page.getByRole("button", { name: "Cancel selected (6)" })).toBeEnabled();

  // Graph throttles the first two cancels it sees, and someone approves one request after the page loaded.
  await request.post(`${GRAPH_EMULATOR_URL}/_emulator/faults`, {
    data: { method: "POST", pathPattern: "/cancel$", status: 429, times: 2, retryAfterSeconds: 0.3 },
  });
  await setGraphStatus(request, "groupEligibilityScheduleRequests", stale.landmark.id, "Provisioned");

  await page.getByRole("button", { name: "Cancel selected (6)" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel 6 requests?" });
  await expect(dialog.getByTestId("bulk-per-category")).toContainText("Access packages");
  await dialog.getByRole("button", { name: "Cancel 6 requests" }).click();

  const progress = page.getByTestId("bulk-progress");
  await expect(progress.getByRole("status")).toHaveText("Bulk cancel finished: 6 of 6 answered", { timeout: 30_000 });
  await expect(progress.locator('[data-outcome="cancelled"]')).toContainText("5 cancelled");
  await expect(progress.locator('[data-outcome="already_final"]')).toContainText("1 already closed");

  for (const { slug, landmark } of picks) {
    const category = byCategory.get(slug)!;
    expect(storedStatus(await graphState(request, category.collection, landmark.id)), slug).toBe(category.cancelledStatus);
  }
  expect(storedStatus(await graphState(request, "groupEligibilityScheduleRequests", stale.landmark.id))).toBe("Provisioned");

  const download = page.waitForEvent("download");
  await progress.getByRole("button", { name: "Download receipt (CSV)" }).click();
  const receipt = await readCsvDownload((await (await download).path())!);
  expect(receipt.byteOrderMark).toBe(true);
  const [header, ...records] = receipt.rows;
  expect(header).toEqual(["id", "category", "principal", "target", "statusBefore", "outcome", "graphCode", "time"]);
  expect(records).toHaveLength(6);
  const outcomeOf = (id: string, slug: string) => records.find((r) => r[0] === id && r[1] === slug)?.[5];
  for (const { slug, landmark } of picks) expect(outcomeOf(byCategory.get(slug)!.appId(landmark), slug), slug).toBe("cancelled");
  expect(outcomeOf(stale.landmark.id, "group-eligibility")).toBe("already_final");
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
  const first = page.locator("tbody tr[data-request-id]").first();
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
