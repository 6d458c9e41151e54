import { describe, expect, it } from "vitest";
import type { ArmCategory } from "@/lib/categories/category-definition";
import type { PendingRequest } from "@/lib/requests/pending-request";
import { ADMIN, LEE } from "../../stand-ins/demo-tenant";
import { ARM_SCOPES, SEED_LANDMARKS } from "../../stand-ins/arm-emulator/seed";
import { person } from "../../stand-ins/arm-emulator/seed/principals";
import { appIdOf, assignmentCategory, eligibilityCategory, armStandInForApp, storedArmRequests, type StoredArmRequest } from "./arm-test-kit";
import { listArmRequestPage } from "./list-requests";

// Cancel where ARM would accept it, against the real ARM stand-in: Adele is Owner of the Production management
// group, Contoso Production and Marketing Analytics, and only Reader of Contoso Sandbox, where ARM refuses her
// cancel (403 AuthorizationFailed). Her admin view must not offer Cancel there, and must say why.

const h = armStandInForApp();
const S = ARM_SCOPES;
const E = SEED_LANDMARKS.eligibility;
const A = SEED_LANDMARKS.assignment;



const SANDBOX_REASON = (category: ArmCategory<unknown>) =>
  `Azure does not let you cancel requests at Contoso Sandbox: that needs ${category.cancelAction}, which Owner and User Access Administrator carry. None of your roles there includes it.`;

const allView = async (token: string, category: ArmCategory<unknown> = assignmentCategory) =>
  (await listArmRequestPage({ category, view: "all", cursor: undefined, token })).items;
const stored = (kind: "assignment" | "eligibility") => storedArmRequests(h, kind);
const armLog = async (): Promise<Array<{ method: string; path: string; query: Record<string, string>; status: number }>> => (await h.control("requests")).body;
const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
const rowNamed = (items: PendingRequest[], category: ArmCategory<unknown>, name: string) => items.find((i) => category.requestRef(i.id).name === name);
const cancelAsAdele = async (category: ArmCategory<unknown>, item: PendingRequest) => {
  const ref = category.requestRef(item.id);
  return h.call(`${ref.scope}/providers/Microsoft.Authorization/${category.resourceType}/${ref.name}/cancel?api-version=2020-10-01`, {
    method: "POST",
    token: await h.token(ADMIN),
  });
};

/** A stored request of a colleague at a scope, made cancellable through the stand-in's control endpoint. */
async function colleaguesPendingAt(kind: "assignment" | "eligibility", scope: string): Promise<StoredArmRequest> {
  const record = (await stored(kind)).find((r) => same(r.scopeId, scope) && r.principalId !== ADMIN.oid && r.requestorId !== ADMIN.oid)!;
  expect(record, `a ${kind} at ${scope}`).toBeDefined();
  await h.control(`requests/${kind}/${record.name}`, { status: "PendingApproval" });
  return record;
}

describe("Cancel in the admin view (all)", () => {
  it("is withdrawn from every cancellable request at Contoso Sandbox, with the reason, and ARM indeed refuses it there", async () => {
    const items = await allView(await h.token(ADMIN));
    const atSandbox = items.filter((i) => same(i.scope?.id, S.contosoSandbox) && assignmentCategory.isCancellableStatus(i.status));
    expect(atSandbox.length).toBeGreaterThan(0);
    for (const item of atSandbox) {
      expect(item).toMatchObject({ cancellable: false, cancelBlockedReason: SANDBOX_REASON(assignmentCategory) });
      expect((await cancelAsAdele(assignmentCategory, item)).body.error.code).toBe("AuthorizationFailed");
    }
  });

  it("stays on Adele's Contoso Production and Production management group rows, and on every other cancellable row", async () => {
    const items = await allView(await h.token(ADMIN));
    const colleague = rowNamed(items, assignmentCategory, A.colleagueCancellable.name)!;
    expect(colleague).toMatchObject({ cancellable: true, scope: { id: S.contosoProduction } });
    expect(colleague.cancelBlockedReason).toBeUndefined();
    const group = items.find((i) => same(i.scope?.id, S.productionGroup) && assignmentCategory.isCancellableStatus(i.status))!;
    expect(group).toMatchObject({ cancellable: true, scope: { id: S.productionGroup } });
    const eligibility = await allView(await h.token(ADMIN), eligibilityCategory);
    expect(rowNamed(eligibility, eligibilityCategory, E.adminCancellable.name)).toMatchObject({ cancellable: true, scope: { id: S.productionGroup } });
    // Everything not at Contoso Sandbox is offered exactly as its status allows.
    for (const item of items.filter((i) => !same(i.scope?.id, S.contosoSandbox))) {
      expect(item.cancellable, item.target.displayName).toBe(assignmentCategory.isCancellableStatus(item.status));
    }
  });

  it("stays on a request deeper than any scope it read (rg-experiments): a role down there could allow it, so ARM decides", async () => {
    const items = await allView(await h.token(ADMIN));
    const deeper = items.filter((i) => same(i.scope?.id, S.rgExperiments) && assignmentCategory.isCancellableStatus(i.status));
    expect(deeper.length).toBeGreaterThan(0);
    for (const item of deeper) expect(item).toMatchObject({ cancellable: true, scope: { id: S.rgExperiments } });
    expect(deeper[0]!.cancelBlockedReason).toBeUndefined();
  });

  it("reads the permissions once per visible scope, beside the lists, and learns who Adele is from one self-service list", async () => {
    await h.control("requests", undefined, "DELETE");
    await allView(await h.token(ADMIN));
    const log = await armLog();
    const permissions = log.filter((c) => c.path.endsWith("/providers/Microsoft.Authorization/permissions"));
    expect(permissions.map((c) => c.path.replace("/providers/Microsoft.Authorization/permissions", "")).sort()).toEqual(
      [S.productionGroup, S.contosoProduction, S.contosoDevelopment, S.marketingAnalytics, S.contosoSandbox].sort(),
    );
    expect(permissions.every((c) => c.status === 200 && c.query["api-version"] === "2022-04-01")).toBe(true);
    const self = log.filter((c) => c.path === "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests");
    expect(self.map((c) => c.query.$filter)).toEqual(["asTarget()"]);
  });

  it("asks nothing more of ARM for someone who may cancel everywhere they look", async () => {
    await h.control("requests", undefined, "DELETE");
    const items = await allView(await h.token(person("nestor")));
    expect(items.some((i) => same(i.scope?.id, S.contosoSandbox) && i.cancellable)).toBe(true);
    expect(items.every((i) => i.cancellable === assignmentCategory.isCancellableStatus(i.status))).toBe(true);
    expect((await armLog()).filter((c) => c.path === "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests")).toEqual([]);
  });

  it("leaves a Reader's own request cancellable, and withdraws Cancel from a colleague's beside it (Lee, Marketing Analytics)", async () => {
    await colleaguesPendingAt("assignment", S.marketingAnalytics);
    const items = await allView(await h.token(LEE));
    const atMarketing = items.filter((i) => same(i.scope?.id, S.marketingAnalytics) && assignmentCategory.isCancellableStatus(i.status));
    const own = atMarketing.filter((i) => i.principal.id === LEE.oid);
    const others = atMarketing.filter((i) => i.principal.id !== LEE.oid);
    expect(own.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    for (const item of own) expect(item).toMatchObject({ cancellable: true });
    for (const item of others) expect(item).toMatchObject({ cancellable: false, cancelBlockedReason: expect.stringContaining("cancel requests at Marketing Analytics:") });
  });

  it("leaves Adele's own eligibility request at Contoso Sandbox cancellable (ARM lets her cancel her own), and blocks a colleague's", async () => {
    await h.control(`requests/eligibility/${E.adminNotCancellable.name}`, { status: "PendingApproval" });
    const colleague = await colleaguesPendingAt("eligibility", S.contosoSandbox);
    const items = await allView(await h.token(ADMIN), eligibilityCategory);
    const own = rowNamed(items, eligibilityCategory, E.adminNotCancellable.name)!;
    expect(own).toMatchObject({ cancellable: true, principal: { id: ADMIN.oid } });
    const theirs = rowNamed(items, eligibilityCategory, colleague.name)!;
    expect(theirs).toMatchObject({ cancellable: false, cancelBlockedReason: SANDBOX_REASON(eligibilityCategory) });
    expect((await cancelAsAdele(eligibilityCategory, theirs)).status).toBe(403);
    expect((await cancelAsAdele(eligibilityCategory, own)).status).toBe(200);
  });

  it("blocks her own request there too when ARM will not say who she is, and points her to My requests", async () => {
    await h.control(`requests/eligibility/${E.adminNotCancellable.name}`, { status: "PendingApproval" });
    await h.control("faults", { method: "GET", pathPattern: "^/providers/Microsoft.Authorization/roleEligibilityScheduleRequests$", status: 500, times: 1 });
    const items = await allView(await h.token(ADMIN), eligibilityCategory);
    const own = rowNamed(items, eligibilityCategory, E.adminNotCancellable.name)!;
    expect(own.cancellable).toBe(false);
    expect(own.cancelBlockedReason).toBe(`${SANDBOX_REASON(eligibilityCategory)} If this is your own request, cancel it from My requests.`);
    // My requests offers it all the same: that view is never narrowed.
    const mine = await listArmRequestPage({ category: eligibilityCategory, view: "mine", cursor: undefined, token: await h.token(ADMIN) });
    expect(mine.items.find((i) => i.id === appIdOf({ ...E.adminNotCancellable, status: "PendingApproval" }))).toMatchObject({ cancellable: true });
  });

  it("leaves every row to ARM when the permission reads fail (500, or 403 at Contoso Sandbox alone)", async () => {
    await h.control("faults", { method: "GET", pathPattern: "/permissions$", status: 500, times: 20 });
    const failed = await allView(await h.token(ADMIN));
    expect(failed.some((i) => same(i.scope?.id, S.contosoSandbox) && i.cancellable)).toBe(true);
    for (const item of failed) expect(item.cancellable).toBe(assignmentCategory.isCancellableStatus(item.status));
    expect(failed.every((i) => i.cancelBlockedReason === undefined)).toBe(true);

    await h.control("faults", undefined, "DELETE");
    await h.control("faults", { method: "GET", pathPattern: `^${S.contosoSandbox}/providers/Microsoft.Authorization/permissions$`, status: 403, times: 1 });
    const refused = await allView(await h.token(ADMIN));
    expect(refused.filter((i) => same(i.scope?.id, S.contosoSandbox) && assignmentCategory.isCancellableStatus(i.status)).every((i) => i.cancellable)).toBe(true);
  });

  it("fails the page with a claims challenge when ARM asks for one on a permission read, as on a list", async () => {
    await h.control("claims-challenge", { authContext: "c1", method: "GET", pathPattern: "/permissions$" });
    const error = await allView(await h.token(ADMIN, { capabilities: ["cp1"] })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "claims_challenge", status: 401, upstream: "arm", claims: expect.any(String) });
  });
});

describe("Cancel in my requests (mine)", () => {
  it("is never withdrawn, and costs no permission read", async () => {
    await h.control(`requests/eligibility/${E.adminNotCancellable.name}`, { status: "PendingApproval" });
    await h.control("requests", undefined, "DELETE");
    const page = await listArmRequestPage({ category: eligibilityCategory, view: "mine", cursor: undefined, token: await h.token(ADMIN) });
    const own = page.items.find((i) => eligibilityCategory.requestRef(i.id).name === E.adminNotCancellable.name);
    expect(own).toMatchObject({ cancellable: true, scope: { id: S.contosoSandbox } });
    expect((await armLog()).filter((c) => c.path.endsWith("/permissions"))).toEqual([]);
  });
});
