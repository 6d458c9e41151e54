import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { CATEGORIES_UNDER_TEST, storedStatus } from "../support/categories";
import { readCsvDownload } from "../support/csv";
import { cancelButton, cancelledNotice, confirmCancel, requestRow } from "../support/dashboard";
import { graphLog, graphState, resetEmulator } from "../support/emulator";
import { AUTH_STATE } from "../support/sign-in";

// One cancel pipeline: a single cancel whose answer was lost reads as cancelled (as a bulk one does), and a bulk run
// whose token Graph rejects pauses for a new sign-in, then carries on without sending any request twice.

test.use({ storageState: AUTH_STATE.admin });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

async function control(request: APIRequestContext, path: string, data: unknown) {
  const response = await request.post(`${GRAPH_EMULATOR_URL}/_emulator/${path}`, { data });
  expect(response.ok()).toBe(true);
}

/** Graph's answers to the cancels of this id, in order. */
async function cancelAnswers(request: APIRequestContext, id: string): Promise<number[]> {
  return (await graphLog(request)).filter((call) => call.method === "POST" && call.path.endsWith(`/${id}/cancel`)).map((call) => call.status);
}

async function select(page: Page, slug: string, id: string) {
  await page.getByLabel("Search requests").fill(id);
  await requestRow(page, slug as never, id).getByRole("checkbox").check();
}

test("a single cancel Graph carried out but whose answer was lost shows as cancelled, not as 'not cancellable'", async ({ page, request }) => {
  const landmark = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
  await page.goto("/?view=all&category=group-assignment");
  const row = requestRow(page, "group-assignment", landmark.id);
  await expect(cancelButton(row)).toBeEnabled({ timeout: 30_000 });
  await control(request, "lost-answers", { status: 504 });

  await cancelButton(row).click();
  await confirmCancel(page);

  await expect(cancelledNotice(page)).toBeVisible();
  await expect(page.getByText(/could not cancel/i)).toHaveCount(0);
  expect(storedStatus(await graphState(request, "groupAssignmentScheduleRequests", landmark.id))).toBe("Canceled");
  // Sent, done but unheard (504); sent again and refused because it was done; read back as Canceled.
  expect(await cancelAnswers(request, landmark.id)).toEqual([504, 400]);
});

test("a bulk run meeting a rejected token pauses, signs in again, continues, and cancels each request exactly once", async ({ page, request }) => {
  const byCategory = new Map(CATEGORIES_UNDER_TEST.map((c) => [c.slug, c]));
  const picks = [
    { slug: "group-assignment", landmark: SEED_LANDMARKS.groupAssignment.colleagueCancellable },
    { slug: "group-eligibility", landmark: SEED_LANDMARKS.groupEligibility.colleagueCancellable },
    { slug: "access-package", landmark: SEED_LANDMARKS.accessPackage.colleagueCancellable },
    { slug: "directory-role-assignment", landmark: SEED_LANDMARKS.directoryRoleAssignment.colleagueCancellable },
  ] as const;
  await page.goto("/?view=all");
  for (const pick of picks) await select(page, pick.slug, pick.landmark.id);
  await page.getByLabel("Search requests").fill("");
  // The token "expires" under two of the four cancels: Graph refuses those and does nothing with them.
  await control(request, "token-expiry", { method: "POST", pathPattern: "/cancel$", times: 2 });

  await page.getByRole("button", { name: "Cancel selected (4)" }).click();
  await page.getByRole("dialog", { name: "Cancel 4 requests?" }).getByRole("button", { name: "Cancel 4 requests" }).click();

  const progress = page.getByTestId("bulk-progress");
  await expect(progress.getByText("Paused: sign in again to continue (2 of 4 answered)")).toBeVisible({ timeout: 30_000 });
  await expect(progress.getByRole("alert")).toContainText("2 requests were not sent");
  // Nothing is reported as failed while the run waits for the user.
  await expect(progress.locator('[data-outcome="failed"]')).toHaveCount(0);

  await progress.getByRole("button", { name: "Sign in again and continue" }).click();

  await expect(progress.getByRole("status")).toHaveText("Bulk cancel finished: 4 of 4 answered", { timeout: 30_000 });
  await expect(progress.locator('[data-outcome="cancelled"]')).toContainText("4 cancelled");
  let refused = 0;
  for (const { slug, landmark } of picks) {
    const category = byCategory.get(slug)!;
    expect(storedStatus(await graphState(request, category.collection, landmark.id)), slug).toBe(category.cancelledStatus);
    const answers = await cancelAnswers(request, landmark.id);
    // Carried out once; a request Graph refused for the token was sent once more, and only after the new sign-in.
    expect(answers.filter((status) => status >= 200 && status < 300), slug).toHaveLength(1);
    expect(answers.filter((status) => status !== 401 && (status < 200 || status >= 300)), slug).toEqual([]);
    refused += answers.filter((status) => status === 401).length;
  }
  expect(refused).toBe(2);

  const download = page.waitForEvent("download");
  await progress.getByRole("button", { name: "Download receipt (CSV)" }).click();
  const [, ...records] = (await readCsvDownload((await (await download).path())!)).rows;
  // One receipt: each request once, all cancelled.
  expect(records.map((r) => r[0]).sort()).toEqual(picks.map((p) => byCategory.get(p.slug)!.appId(p.landmark as never)).sort());
  expect(records.map((r) => r[5])).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
});

test("'Stop here' ends a paused run: what was never sent is listed as not sent and stays open", async ({ page, request }) => {
  const sent = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
  const kept = SEED_LANDMARKS.accessPackage.colleagueCancellable;
  await page.goto("/?view=all");
  await select(page, "group-assignment", sent.id);
  await select(page, "access-package", kept.id);
  await page.getByLabel("Search requests").fill("");
  await control(request, "token-expiry", { method: "POST", pathPattern: `${kept.id}/cancel$` });

  await page.getByRole("button", { name: "Cancel selected (2)" }).click();
  await page.getByRole("dialog", { name: "Cancel 2 requests?" }).getByRole("button", { name: "Cancel 2 requests" }).click();
  const progress = page.getByTestId("bulk-progress");
  await progress.getByRole("button", { name: "Stop here" }).click();

  await expect(progress.getByRole("status")).toHaveText("Bulk cancel finished: 1 of 2 answered");
  const download = page.waitForEvent("download");
  await progress.getByRole("button", { name: "Download receipt (CSV)" }).click();
  const [, ...records] = (await readCsvDownload((await (await download).path())!)).rows;
  expect(Object.fromEntries(records.map((r) => [r[0], r[5]]))).toEqual({ [sent.id]: "cancelled", [kept.id]: "not sent" });
  expect(storedStatus(await graphState(request, "accessPackageAssignmentRequests", kept.id))).toBe(kept.status);
  expect(await cancelAnswers(request, kept.id)).toEqual([401]);
});
