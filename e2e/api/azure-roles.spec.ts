import { expect, test } from "@playwright/test";
import { bulkLineSchema, type BulkOutcomeLine } from "../../lib/requests/bulk-outcome";
import { SUBSCRIPTION_IDS } from "../../stand-ins/arm-emulator/seed";
import { armLog, armState, clearArmLog, resetArm } from "../support/arm";
import { ARM_CANCELLED_STATUS, ARM_CATEGORIES_UNDER_TEST, type ArmCategoryUnderTest } from "../support/categories";
import { resetEmulator } from "../support/emulator";
import { AUTH_STATE } from "../support/sign-in";
import { appTokensFor, type AppTokens } from "../support/tokens";

// The Azure role categories through the app's API with real tokens: who may cancel what (ARM's RBAC decides, and
// the app says which action is missing), ids that would steer the cancel elsewhere are refused before ARM is
// called, and the ARM token travels in its own header.

let admin: AppTokens;
let megan: AppTokens;

test.beforeAll(async ({ browser }) => {
  admin = await appTokensFor(browser, AUTH_STATE.admin);
  megan = await appTokensFor(browser, AUTH_STATE.megan);
});

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
  await resetArm(request);
  await clearArmLog(request);
});

const headersOf = (tokens: AppTokens) => ({ Authorization: `Bearer ${tokens.graph}`, "X-ARM-Authorization": `Bearer ${tokens.arm}` });
const [assignment, eligibility] = ARM_CATEGORIES_UNDER_TEST as [ArmCategoryUnderTest, ArmCategoryUnderTest];

async function outcomesOf(response: { text(): Promise<string> }): Promise<BulkOutcomeLine[]> {
  const lines = (await response.text()).trimEnd().split("\n").map((line) => bulkLineSchema.parse(JSON.parse(line)));
  return lines.filter((line): line is BulkOutcomeLine => line.type === "outcome");
}

const rbacCancelAction = (category: ArmCategoryUnderTest) =>
  `Microsoft.Authorization/${category.kind === "assignment" ? "roleAssignmentScheduleRequests" : "roleEligibilityScheduleRequests"}/cancel/action`;

test("Megan cannot cancel a colleague's Azure request: 403 forbidden naming the RBAC action, one by one and in bulk", async ({ request }) => {
  for (const category of ARM_CATEGORIES_UNDER_TEST) {
    const theirs = category.landmarks.colleagueCancellable;
    const response = await request.post(`/api/requests/${category.slug}/${category.appId(theirs)}/cancel`, { headers: headersOf(megan), data: { view: "mine" } });
    expect(response.status(), category.slug).toBe(403);
    const { error } = await response.json();
    expect(error, category.slug).toMatchObject({ code: "forbidden", upstreamCode: "AuthorizationFailed", upstream: "arm" });
    expect(error.message, category.slug).toContain(rbacCancelAction(category));
    expect((await armState(request, category.kind, theirs.name)).status, category.slug).toBe(theirs.status);
  }

  const items = ARM_CATEGORIES_UNDER_TEST.map((c) => ({ category: c.slug, id: c.appId(c.landmarks.colleagueCancellable) }));
  const bulk = await request.post("/api/requests/cancel", { headers: headersOf(megan), data: { items, view: "mine" } });
  expect(bulk.status()).toBe(200);
  const outcomes = await outcomesOf(bulk);
  expect(outcomes.map((o) => [o.category, o.id, o.outcome, o.upstreamCode]).sort()).toEqual(items.map((i) => [i.category, i.id, "forbidden", "AuthorizationFailed"]).sort());
  for (const outcome of outcomes) expect(outcome.message).toContain(rbacCancelAction(outcome.category === assignment.slug ? assignment : eligibility));
  for (const category of ARM_CATEGORIES_UNDER_TEST) {
    const theirs = category.landmarks.colleagueCancellable;
    expect((await armState(request, category.kind, theirs.name)).status, category.slug).toBe(theirs.status);
  }
});

// Ids the app never writes: each would make the cancel address another path, or a scope ARM does not have.
const GUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const SUBSCRIPTION = SUBSCRIPTION_IDS.contosoProduction;
const b64 = (scope: string) => Buffer.from(scope, "latin1").toString("base64url");
const CRAFTED_IDS: ReadonlyArray<[what: string, id: string]> = [
  ["a request path smuggled into the scope", `${b64(`subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/${GUID}/cancel`)}.${GUID}`],
  [
    "a request path smuggled in below a resource group",
    `${b64(`subscriptions/${SUBSCRIPTION}/resourceGroups/rg-payments/providers/Microsoft.Authorization/roleEligibilityScheduleRequests/${GUID}`)}.${GUID}`,
  ],
  ["%2F-encoded slashes in the scope", `${b64(`subscriptions%2F${SUBSCRIPTION}%2FresourceGroups%2Frg-payments`)}.${GUID}`],
  ["'..' segments in the scope", `${b64(`subscriptions/${SUBSCRIPTION}/resourceGroups/../../../providers/Microsoft.Management/managementGroups/contoso-root`)}.${GUID}`],
  ["'..' as a resource name", `${b64(`subscriptions/${SUBSCRIPTION}/resourceGroups/rg-payments/providers/Microsoft.KeyVault/vaults/..`)}.${GUID}`],
  ["a management group's name in place of a subscription GUID", `${b64("subscriptions/contoso-production")}.${GUID}`],
  ["a name that is not a GUID", `${b64(`subscriptions/${SUBSCRIPTION}`)}.not-a-guid`],
  ["a name that walks up the path", `${b64(`subscriptions/${SUBSCRIPTION}`)}...`],
  ["a raw scope with slashes instead of base64url", `subscriptions/${SUBSCRIPTION}.${GUID}`],
];

for (const category of ARM_CATEGORIES_UNDER_TEST) {
  for (const [what, id] of CRAFTED_IDS) {
    test(`${category.slug}: ${what} is a 400 before any ARM call, one by one and in bulk`, async ({ request }) => {
      const single = await request.post(`/api/requests/${category.slug}/${encodeURIComponent(id)}/cancel`, { headers: headersOf(admin), data: { view: "all" } });
      expect(single.status()).toBe(400);
      expect((await single.json()).error).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/request id/i) });

      const bulk = await request.post("/api/requests/cancel", { headers: headersOf(admin), data: { items: [{ category: category.slug, id }], view: "all" } });
      expect(bulk.status()).toBe(400);
      expect((await bulk.json()).error).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/items\.0\.id/) });
      expect(await armLog(request)).toEqual([]);
    });
  }

  test(`${category.slug}: slashes sent %2F-encoded in the URL are a 400 before any ARM call`, async ({ request }) => {
    const landmark = category.landmarks.colleagueCancellable;
    for (const id of [`${landmark.scope.slice(1).replaceAll("/", "%2F")}.${landmark.name}`, `..%2F..%2F${category.appId(landmark)}`]) {
      const response = await request.post(`/api/requests/${category.slug}/${id}/cancel`, { headers: headersOf(admin), data: { view: "all" } });
      expect(response.status(), id).toBe(400);
      expect((await response.json()).error.code, id).toBe("invalid_input");
    }
    expect(await armLog(request)).toEqual([]);
    expect((await armState(request, category.kind, landmark.name)).status).toBe(landmark.status);
  });
}

test("the same requests spelled as the app writes them do reach ARM and are cancelled", async ({ request }) => {
  // The control for the refusals above: a well-formed id of a request Adele owns goes through.
  const target = assignment.landmarks.colleagueCancellable;
  const single = await request.post(`/api/requests/${assignment.slug}/${assignment.appId(target)}/cancel`, { headers: headersOf(admin), data: { view: "all" } });
  expect(single.status()).toBe(200);
  expect((await single.json()).item).toMatchObject({ id: assignment.appId(target), category: assignment.slug, status: ARM_CANCELLED_STATUS, stage: "cancelled" });

  const other = eligibility.landmarks.colleagueCancellable;
  const bulk = await request.post("/api/requests/cancel", { headers: headersOf(admin), data: { items: [{ category: eligibility.slug, id: eligibility.appId(other) }], view: "all" } });
  expect(bulk.status()).toBe(200);
  expect((await outcomesOf(bulk)).map((o) => o.outcome)).toEqual(["cancelled"]);

  const cancels = (await armLog(request)).filter((c) => c.method === "POST");
  expect(cancels.map((c) => [c.path.toLowerCase(), c.status]).sort()).toEqual([target, other].map((l) => [`${l.id}/cancel`.toLowerCase(), 200]).sort());
  expect((await armState(request, "assignment", target.name)).status).toBe(ARM_CANCELLED_STATUS);
  expect((await armState(request, "eligibility", other.name)).status).toBe(ARM_CANCELLED_STATUS);
});

test("an Azure list, cancel or bulk cancel without the ARM token is a 401 with a JSON body, before any ARM call", async ({ request }) => {
  const graphOnly = { Authorization: `Bearer ${admin.graph}` };
  for (const category of ARM_CATEGORIES_UNDER_TEST) {
    for (const view of ["all", "mine"]) {
      const list = await request.get(`/api/requests?category=${category.slug}&view=${view}`, { headers: graphOnly });
      expect(list.status(), `${category.slug} ${view}`).toBe(401);
      expect(list.headers()["content-type"]).toMatch(/^application\/json/);
      const { error } = await list.json();
      expect(error, `${category.slug} ${view}`).toMatchObject({ code: "unauthenticated", upstream: "arm" });
      expect(error.message).toContain("X-ARM-Authorization");
    }
    const landmark = category.landmarks.colleagueCancellable;
    const cancel = await request.post(`/api/requests/${category.slug}/${category.appId(landmark)}/cancel`, { headers: graphOnly, data: { view: "all" } });
    expect(cancel.status(), category.slug).toBe(401);
    expect((await cancel.json()).error.code).toBe("unauthenticated");
  }
  const items = ARM_CATEGORIES_UNDER_TEST.map((c) => ({ category: c.slug, id: c.appId(c.landmarks.colleagueCancellable) }));
  const bulk = await request.post("/api/requests/cancel", { headers: graphOnly, data: { items, view: "all" } });
  expect(bulk.status()).toBe(401);
  expect((await bulk.json()).error).toMatchObject({ code: "unauthenticated", upstream: "arm" });

  // A Graph token sent as the ARM token is ARM's to refuse (wrong audience), and reads as a sign-in problem.
  const swapped = await request.get(`/api/requests?category=${assignment.slug}&view=mine`, {
    headers: { Authorization: `Bearer ${admin.graph}`, "X-ARM-Authorization": `Bearer ${admin.graph}` },
  });
  expect(swapped.status()).toBe(401);
  expect((await swapped.json()).error).toMatchObject({ code: "unauthenticated", upstreamCode: "InvalidAuthenticationToken" });
  expect((await armLog(request)).map((c) => c.status)).toEqual([401]);
});
