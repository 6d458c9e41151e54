import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type { CategorySlug } from "../../lib/requests/pending-request";
import { SUBSCRIPTION_IDS } from "../../stand-ins/arm-emulator/seed";
import { SEED_SCOPES } from "../../stand-ins/arm-emulator/seed/scopes-seed";
import { ADMIN, DEMO_PEOPLE, MEGAN } from "../../stand-ins/demo-tenant";
import { addArmFaults, armLog, armState, clearArmLog, resetArm } from "../support/arm";
import { ARM_CANCELLED_STATUS, ARM_CATEGORIES_UNDER_TEST, CATEGORIES_UNDER_TEST, storedStatus, type ArmCategoryUnderTest } from "../support/categories";
import { readCsvDownload } from "../support/csv";
import { cancelButton, cancelledNotice, categoryChip, categoryNotice, confirmCancel, requestRow } from "../support/dashboard";
import { graphState, resetEmulator } from "../support/emulator";
import { AUTH_STATE } from "../support/sign-in";

// PIM for Azure resource roles, which live in Azure Resource Manager (the ARM stand-in on :4200), side by side with
// the Graph categories in one queue.

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
  await resetArm(request);
});

const [assignment, eligibility] = ARM_CATEGORIES_UNDER_TEST as [ArmCategoryUnderTest, ArmCategoryUnderTest];
const groupAssignment = CATEGORIES_UNDER_TEST.find((c) => c.slug === "group-assignment")!;

/** The words the queue uses for a scope's kind, from the stand-in's own scope tree. */
const SCOPE_KIND_WORDS: Record<string, string> = {
  managementgroup: "Management group",
  subscription: "Subscription",
  resourcegroup: "Resource group",
  resource: "Resource",
};
const scopeKindOf = (scope: string) => SCOPE_KIND_WORDS[SEED_SCOPES.find((s) => s.id === scope)!.type]!;

/** Brings a row on screen by searching for its id (the table is virtualized), and returns it. */
async function findRow(page: Page, slug: CategorySlug, id: string) {
  await page.getByLabel("Search requests").fill(id);
  return requestRow(page, slug, id);
}

test.describe("an administrator's queue", () => {
  test.use({ storageState: AUTH_STATE.admin });

  test("lists both Azure categories beside Graph's, none from Finance Restricted, and cancels an assignment from the queue", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.getByRole("button", { name: "All requests" })).toHaveAttribute("aria-pressed", "true");
    await page.getByLabel(/Show closed requests/).check();

    for (const category of ARM_CATEGORIES_UNDER_TEST) {
      const { adminCancellable, adminNotCancellable, restrictedCancellable } = category.landmarks;
      const row = await findRow(page, category.slug, category.appId(adminCancellable));
      await expect(row, category.slug).toContainText(adminCancellable.roleDisplayName);
      await expect(row, category.slug).toContainText(`${adminCancellable.roleDisplayName} on ${adminCancellable.scopeDisplayName}`);
      await expect(row, category.slug).toContainText(`${category.targetKind} · ${scopeKindOf(adminCancellable.scope)}`);
      await expect(row, category.slug).toContainText(ADMIN.displayName);
      await expect(cancelButton(row), category.slug).toBeVisible();

      // Being provisioned: open, but past the point where ARM cancels it.
      const provisioning = await findRow(page, category.slug, category.appId(adminNotCancellable));
      await expect(provisioning, category.slug).toContainText(adminNotCancellable.justification!);
      await expect(provisioning.getByTestId("status-badge"), category.slug).toHaveText("Being provisioned");
      await expect(cancelButton(provisioning), category.slug).toHaveCount(0);

      // Adele's five scopes fit the admin view's first page (ARM_SCOPES_PER_PAGE, lib/arm/list-requests), so with her
      // own rows on screen the list is complete: Adele holds no role in Finance Restricted, and its requests are not
      // hers to see.
      await findRow(page, category.slug, category.appId(restrictedCancellable));
      await expect(requestRow(page, category.slug, category.appId(restrictedCancellable)), category.slug).toHaveCount(0);
    }
    for (const words of ["Finance Restricted", "kv-ledger", "rg-ledger"]) {
      await page.getByLabel("Search requests").fill(words);
      await expect(page.locator('tbody tr[data-category^="azure-role-"]'), words).toHaveCount(0);
    }
    // The Graph categories are still there.
    const graphRow = await findRow(page, groupAssignment.slug, groupAssignment.appId(groupAssignment.landmarks.colleagueCancellable));
    await expect(graphRow).toContainText(groupAssignment.landmarks.colleagueCancellable.justification);

    const target = assignment.landmarks.adminCancellable;
    const row = await findRow(page, assignment.slug, assignment.appId(target));
    await cancelButton(row).click();
    await confirmCancel(page);
    await expect(cancelledNotice(page)).toBeVisible();
    await expect(row.getByTestId("status-badge")).toHaveText("Cancelled");
    await expect(cancelButton(row)).toHaveCount(0);
    expect((await armState(request, "assignment", target.name)).status).toBe(ARM_CANCELLED_STATUS);
    // The eligibility request of the same person was left alone.
    const other = eligibility.landmarks.adminCancellable;
    expect((await armState(request, "eligibility", other.name)).status).toBe(other.status);
  });

  test("bulk cancel of an Azure assignment, an Azure eligibility and a Graph request: one run, one receipt, both APIs agree", async ({ page, request }) => {
    const picks = [
      { slug: assignment.slug, id: assignment.appId(assignment.landmarks.colleagueCancellable), label: "Azure resource roles (active)" },
      { slug: eligibility.slug, id: eligibility.appId(eligibility.landmarks.colleagueCancellable), label: "Azure resource roles (eligible)" },
      { slug: groupAssignment.slug, id: groupAssignment.appId(groupAssignment.landmarks.colleagueCancellable), label: "Group access (active)" },
    ];
    await page.goto("/");
    for (const pick of picks) await (await findRow(page, pick.slug, pick.id)).getByRole("checkbox").check();
    await page.getByLabel("Search requests").fill("");
    await clearArmLog(request);

    await page.getByRole("button", { name: "Cancel selected (3)" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel 3 requests?" });
    for (const pick of picks) await expect(dialog.getByTestId("bulk-per-category")).toContainText(pick.label);
    await dialog.getByRole("button", { name: "Cancel 3 requests" }).click();

    const progress = page.getByTestId("bulk-progress");
    await expect(progress.getByRole("status")).toHaveText("Bulk cancel finished: 3 of 3 answered", { timeout: 30_000 });
    await expect(progress.locator('[data-outcome="cancelled"]')).toContainText("3 cancelled");
    await page.getByLabel(/Show closed requests/).check();
    for (const pick of picks) await expect((await findRow(page, pick.slug, pick.id)).getByTestId("status-badge"), pick.slug).toHaveText("Cancelled");

    const download = page.waitForEvent("download");
    await progress.getByRole("button", { name: "Download receipt (CSV)" }).click();
    const [header, ...records] = (await readCsvDownload((await (await download).path())!)).rows;
    expect(header).toEqual(["id", "category", "principal", "target", "statusBefore", "outcome", "upstreamCode", "requestId", "time"]);
    expect(records.map((r) => [r[0], r[1], r[5]]).sort()).toEqual(picks.map((p) => [p.id, p.slug, "cancelled"]).sort());

    for (const category of [assignment, eligibility]) {
      const landmark = category.landmarks.colleagueCancellable;
      expect((await armState(request, category.kind, landmark.name)).status, category.slug).toBe(ARM_CANCELLED_STATUS);
    }
    expect(storedStatus(await graphState(request, groupAssignment.collection, groupAssignment.landmarks.colleagueCancellable.id))).toBe(groupAssignment.cancelledStatus);
    // One cancel per Azure request went to ARM, none twice.
    const cancels = (await armLog(request)).filter((call) => call.method === "POST" && call.path.endsWith("/cancel"));
    expect(cancels.map((c) => [c.path.toLowerCase(), c.status]).sort()).toEqual(
      [assignment, eligibility]
        .map((c) => [`${c.landmarks.colleagueCancellable.id}/cancel`.toLowerCase(), 200])
        .sort(),
    );
  });

  test("a subscription whose list ARM refuses is left out and named; the rest of the queue works", async ({ page, request }) => {
    // Marketing Analytics is one of Adele's subscriptions; here ARM refuses to list its requests, as it does where
    // the caller lacks the read action.
    await addArmFaults(request, {
      method: "GET",
      pathPattern: `^/subscriptions/${SUBSCRIPTION_IDS.marketingAnalytics}/providers/Microsoft\\.Authorization/role(Assignment|Eligibility)ScheduleRequests$`,
      status: 403,
      times: 100,
      code: "AuthorizationFailed",
      message: `The client '${ADMIN.userPrincipalName}' with object id '${ADMIN.oid}' does not have authorization to perform action 'Microsoft.Authorization/roleAssignmentScheduleRequests/read' over scope '/subscriptions/${SUBSCRIPTION_IDS.marketingAnalytics}' or the scope is invalid.`,
    });
    await page.goto("/");

    for (const category of ARM_CATEGORIES_UNDER_TEST) {
      const { colleagueCancellable, meganCancellable } = category.landmarks;
      await expect(await findRow(page, category.slug, category.appId(colleagueCancellable)), category.slug).toContainText(colleagueCancellable.justification!);
      // Megan's requests sit under Marketing Analytics, which Adele reaches through no other scope.
      await findRow(page, category.slug, category.appId(meganCancellable));
      await expect(requestRow(page, category.slug, category.appId(meganCancellable)), category.slug).toHaveCount(0);
      const skipped = page.locator(`[data-skipped-scopes="${category.slug}"]`);
      await expect(skipped, category.slug).toContainText("Marketing Analytics (subscription)");
      await expect(skipped, category.slug).toContainText("AuthorizationFailed");
      await expect(categoryNotice(page, category.slug), category.slug).toHaveCount(0);
    }
    await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
    // (Next's route announcer is an empty alert; any alert with words in it would be an error for the whole queue.)
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
    const graphRow = await findRow(page, groupAssignment.slug, groupAssignment.appId(groupAssignment.landmarks.colleagueCancellable));
    await expect(graphRow).toContainText(groupAssignment.landmarks.colleagueCancellable.justification);

    // What is listed can still be cancelled.
    const target = eligibility.landmarks.colleagueCancellable;
    const row = await findRow(page, eligibility.slug, eligibility.appId(target));
    await cancelButton(row).click();
    await confirmCancel(page);
    await expect(cancelledNotice(page)).toBeVisible();
    await expect(row.getByTestId("status-badge")).toHaveText("Cancelled");
    expect((await armState(request, "eligibility", target.name)).status).toBe(ARM_CANCELLED_STATUS);
    await page.getByLabel("Search requests").fill("");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  test("an Azure request's details show its scope, requestor, schedule, ticket, justification and condition", async ({ page, request }) => {
    await page.goto("/");
    await page.getByLabel(/Show closed requests/).check();

    // A colleague's activation at a subscription, with a ticket.
    const activation = assignment.landmarks.colleagueCancellable;
    const activationRecord = await armState(request, "assignment", activation.name);
    expect(activationRecord.expiration.duration).toBe("PT8H");
    await (await findRow(page, assignment.slug, assignment.appId(activation))).getByRole("button", { name: /^Details of / }).click();
    let details = page.getByRole("dialog");
    const term = (name: string) => details.locator(`dt:text-is("${name}") + dd`);
    await expect(details.getByRole("heading", { level: 2 })).toHaveText(`${activation.principalDisplayName} → ${activation.roleDisplayName} on ${activation.scopeDisplayName}`);
    await expect(term("Scope")).toContainText(`${activation.scopeDisplayName} (Subscription)`);
    await expect(term("Scope")).toContainText(activation.scope);
    await expect(term("Requested by")).toHaveText(activation.principalDisplayName);
    await expect(term("Schedule")).toContainText("starts ");
    await expect(term("Schedule")).toContainText("lasts 8 hours");
    await expect(term("Ticket")).toHaveText(`${activationRecord.ticketNumber} in ${activationRecord.ticketSystem}`);
    await expect(term("Justification")).toHaveText(activation.justification!);
    await expect(term("Status")).toContainText(`Azure: ${activation.status}`);
    await expect(details.getByRole("region", { name: "What cancelling does" })).toContainText("no Azure role is granted through it");
    expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);
    await details.getByRole("button", { name: "Close details" }).click();
    await expect(details).toHaveCount(0);

    // Megan's eligibility with an ABAC condition, which Adele assigned for her.
    const conditional = eligibility.landmarks.meganGranted;
    const conditionalRecord = await armState(request, "eligibility", conditional.name);
    expect(conditionalRecord.condition).not.toBeNull();
    expect(conditionalRecord.requestorId).toBe(ADMIN.oid);
    await (await findRow(page, eligibility.slug, eligibility.appId(conditional))).getByRole("button", { name: /^Details of / }).click();
    details = page.getByRole("dialog");
    await expect(term("Scope")).toContainText(`${conditional.scopeDisplayName} (Resource group)`);
    await expect(term("Condition")).toHaveText(conditionalRecord.condition!);
    // ARM expands the principal, not the requestor: the app names her if it can, and otherwise shows her object id.
    await expect(term("Requested by")).toHaveText(new RegExp(`${ADMIN.displayName}|${ADMIN.oid}`));
    await expect(term("Schedule")).toContainText("lasts 365 days");
    await expect(term("Justification")).toHaveText(conditional.justification!);
    await details.getByRole("button", { name: "Close details" }).click();

    // A request past the point of cancelling says which service decides, and by which statuses.
    const closed = assignment.landmarks.adminNotCancellable;
    await (await findRow(page, assignment.slug, assignment.appId(closed))).getByRole("button", { name: /^Details of / }).click();
    await expect(page.getByRole("dialog").getByRole("region", { name: "What cancelling does" })).toContainText(
      "Azure Resource Manager only cancels Azure resource roles (active) requests whose status is",
    );
  });
});

test.describe("a self-service user's queue", () => {
  test.use({ storageState: AUTH_STATE.megan });

  test("Megan sees her own Azure requests, no colleague's, and cancels her own of each kind", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.getByRole("button", { name: "My requests" })).toHaveAttribute("aria-pressed", "true");
    await page.getByLabel(/Show closed requests/).check();

    for (const category of ARM_CATEGORIES_UNDER_TEST) {
      const mine = category.landmarks.meganCancellable;
      const row = await findRow(page, category.slug, category.appId(mine));
      await expect(row, category.slug).toContainText(mine.justification!);
      await expect(row, category.slug).toContainText(`${mine.roleDisplayName} on ${mine.scopeDisplayName}`);
      await cancelButton(row).click();
      await confirmCancel(page);
      await expect(cancelledNotice(page)).toBeVisible();
      await expect(row.getByTestId("status-badge"), category.slug).toHaveText("Cancelled");
      expect((await armState(request, category.kind, mine.name)).status, category.slug).toBe(ARM_CANCELLED_STATUS);

      // Only hers: the category's rows name her and no one else, and a colleague's request is not among them.
      await page.getByLabel("Search requests").fill("");
      await categoryChip(page, category.slug).click();
      const principals = await page.locator(`tbody tr[data-category="${category.slug}"] td:nth-child(2)`).allInnerTexts();
      expect(principals.length, category.slug).toBeGreaterThanOrEqual(2);
      expect(new Set(principals), category.slug).toEqual(new Set([MEGAN.displayName]));
      for (const theirs of [category.landmarks.colleagueCancellable, category.landmarks.adminCancellable]) {
        await findRow(page, category.slug, category.appId(theirs));
        await expect(requestRow(page, category.slug, category.appId(theirs)), category.slug).toHaveCount(0);
      }
      await page.getByLabel("Search requests").fill("");
      await categoryChip(page, "all").click();
    }
    // Nobody else's Azure request appears under any name.
    const others = DEMO_PEOPLE.filter((p) => p.oid !== MEGAN.oid).map((p) => p.displayName);
    await page.getByLabel("Search requests").fill("");
    const azurePrincipals = await page.locator('tbody tr[data-category^="azure-role-"] td:nth-child(2)').allInnerTexts();
    for (const name of others) expect(azurePrincipals).not.toContain(name);
  });
});
