import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { CATEGORIES_UNDER_TEST, storedStatus } from "../support/categories";
import { readCsvDownload } from "../support/csv";
import { cancelButton, cancelledNotice, confirmCancel, requestRow } from "../support/dashboard";
import { graphLog, graphState, resetEmulator } from "../support/emulator";
import { countAuthorizationRequests, resetIdentityProvider, verifyIdentity } from "../support/identity-provider";
import { ADMIN } from "../../stand-ins/demo-tenant";
import { expectSignedInAs, signInThroughIdentityProvider } from "../support/sign-in";

// Conditional Access asks for more mid-session (an authentication context, Continuous Access Evaluation): Graph
// answers 401 insufficient_claims to this CP1 client until its token carries the claim. The user verifies once and
// what they were doing completes, each request cancelled exactly once.

// Each test signs in for itself: verifying renews the identity provider's session, which a browser state saved
// before would no longer match.
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeEach(async ({ page, request }) => {
  await resetEmulator(request);
  // Nobody has passed the step-up yet: the first challenge needs the identity provider's page.
  await resetIdentityProvider(request);
  await signInThroughIdentityProvider(page, ADMIN.userPrincipalName);
  await expectSignedInAs(page, ADMIN.displayName);
});

// The identity provider is shared with the other specs: what a test granted, revoked or verified ends with it.
test.afterEach(async ({ request }) => {
  await resetIdentityProvider(request);
});

async function demandAuthContext(request: APIRequestContext, demand: { skip?: number }) {
  const response = await request.post(`${GRAPH_EMULATOR_URL}/_emulator/claims-challenge`, { data: { authContext: "c1", method: "POST", pathPattern: "/cancel$", ...demand } });
  expect(response.ok()).toBe(true);
}

/** Graph's answers to cancels of this id: the challenged ones and the ones that did it. */
async function cancelsOf(request: APIRequestContext, id: string) {
  const calls = (await graphLog(request)).filter((call) => call.method === "POST" && call.path.endsWith(`/${id}/cancel`));
  return { challenged: calls.filter((call) => call.status === 401).length, done: calls.filter((call) => call.status >= 200 && call.status < 300).length };
}

async function select(page: Page, slug: string, id: string) {
  await page.getByLabel("Search requests").fill(id);
  await requestRow(page, slug as never, id).getByRole("checkbox").check();
}

test("a single cancel: the user verifies their identity, comes back to the same view and filters, and the cancel is sent again once", async ({ page, request }) => {
  await demandAuthContext(request, {});
  const landmark = SEED_LANDMARKS.accessPackage.colleagueCancellable;
  const authorizations = countAuthorizationRequests(page);
  await page.goto("/?view=all&category=access-package&sort=principal");
  const row = requestRow(page, "access-package", landmark.id);
  await cancelButton(row).click();
  await confirmCancel(page);

  await verifyIdentity(page);

  await expect(cancelledNotice(page)).toBeVisible();
  expect(new URL(page.url()).searchParams.get("category")).toBe("access-package");
  expect(new URL(page.url()).searchParams.get("sort")).toBe("principal");
  expect(storedStatus(await graphState(request, "accessPackageAssignmentRequests", landmark.id))).toBe("Canceled");
  expect(await cancelsOf(request, landmark.id)).toEqual({ challenged: 1, done: 1 });
  expect(authorizations()).toBe(1);
});

test("a bulk run challenged mid-way pauses, re-authenticates, resumes, and sends no request twice; one receipt", async ({ page, request }) => {
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
  // Two cancels go through before Conditional Access starts asking.
  await demandAuthContext(request, { skip: 2 });

  await page.getByRole("button", { name: "Cancel selected (4)" }).click();
  await page.getByRole("dialog", { name: "Cancel 4 requests?" }).getByRole("button", { name: "Cancel 4 requests" }).click();

  await verifyIdentity(page);

  const progress = page.getByTestId("bulk-progress");
  await expect(progress.getByRole("status")).toHaveText("Bulk cancel finished: 4 of 4 answered", { timeout: 30_000 });
  await expect(progress.locator('[data-outcome="cancelled"]')).toContainText("4 cancelled");
  let challenged = 0;
  for (const { slug, landmark } of picks) {
    const category = byCategory.get(slug)!;
    expect(storedStatus(await graphState(request, category.collection, landmark.id)), slug).toBe(category.cancelledStatus);
    const cancels = await cancelsOf(request, landmark.id);
    expect(cancels.done, slug).toBe(1);
    challenged += cancels.challenged;
  }
  expect(challenged).toBe(2);

  const download = page.waitForEvent("download");
  await progress.getByRole("button", { name: "Download receipt (CSV)" }).click();
  const [, ...records] = (await readCsvDownload((await (await download).path())!)).rows;
  expect(records).toHaveLength(4);
  expect(records.map((r) => r[5])).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
});
