import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as cancelRoute } from "@/app/api/requests/[category]/[id]/cancel/route";
import { GET as listRoute } from "@/app/api/requests/route";
import { AppError } from "@/lib/errors/app-error";
import type { PendingRequest, RequestPage } from "@/lib/requests/pending-request";
import { ADMIN, MEGAN, type DemoPerson } from "@/stand-ins/demo-tenant";
import { SEED_LANDMARKS } from "@/stand-ins/graph-emulator/seed";
import { startHarness, type Harness } from "@/stand-ins/graph-emulator/test-harness";
import type { RequestCategory } from "./category-definition";
import { directoryRoleAssignmentCategory } from "./directory-role-assignment";
import { directoryRoleEligibilityCategory } from "./directory-role-eligibility";
import { governanceRoleCategory } from "./governance-role";
import { privilegedRoleCategory } from "./privileged-role";

function mapper<E>(category: RequestCategory<E>) {
  return (raw: unknown, tag?: string) => category.toPendingRequest(category.entitySchema.parse(raw), tag);
}

describe("PIM v2 (governance-role) rules, seed 000", () => {
  const map = mapper(governanceRoleCategory);
  it.each([
    ["Granted", true],
    ["PendingApproval", true],
    ["PendingApprovalProvisioning", true],
    ["PendingAdminDecision", true],
    ["PendingProvisioning", false],
    ["Provisioned", false],
    ["Canceled", false],
    ["Denied", false],
  ])("subStatus %s → cancellable %s", (subStatus, expected) => {
    expect(map({ id: "g", status: { status: "InProgress", subStatus } }).cancellable).toBe(expected);
  });

  it("carries the provider in the app's id so the cancel reaches the right provider path", () => {
    const item = map({ id: "7c53453e-d5a4-41e0-8eb1-32d5ec8bfdee", status: { status: "InProgress", subStatus: "Granted" } }, "aadroles");
    expect(item.id).toBe("aadroles_7c53453e-d5a4-41e0-8eb1-32d5ec8bfdee");
    expect(governanceRoleCategory.cancel(item.id, "all")).toEqual({
      version: "beta",
      path: "/privilegedAccess/aadroles/roleAssignmentRequests/7c53453e-d5a4-41e0-8eb1-32d5ec8bfdee/cancel",
    });
  });

  it("refuses an id without a known provider before any Graph call", () => {
    expect(() => governanceRoleCategory.cancel("7c53453e-d5a4-41e0-8eb1-32d5ec8bfdee", "all")).toThrow(AppError);
    expect(() => governanceRoleCategory.cancel("printers_7c53453e", "all")).toThrow(AppError);
  });

  it.each(["azureResources_", "aadroles__7c53453e", "aadGroups_7c53453e_x"])("refuses %s, whose Graph id is empty or malformed, as invalid input", (id) => {
    for (const call of [() => governanceRoleCategory.cancel(id, "all"), () => governanceRoleCategory.readBack(id, "mine")]) {
      expect(call).toThrow(expect.objectContaining({ code: "invalid_input", status: 400 }));
    }
  });

  it("reads both documented 400s for what they mean", () => {
    const classify = governanceRoleCategory.classifyCancelRefusal;
    expect(classify({ status: 400, code: "RequestCannotBeCancelled", message: "" })).toBe("not_cancellable");
    expect(classify({ status: 400, code: "RoleAssignmentRequestNotFound", message: "" })).toBe("not_found");
  });
});

describe("PIM v1 (privileged-role) rules, seeds 001/002", () => {
  const map = mapper(privilegedRoleCategory);
  it.each([
    ["Scheduled", true],
    ["PendingApproval", true],
    ["RequestedApproval", true],
    ["Approved", false],
    ["Completed", false],
    ["Cancelling", false],
    ["Cancelled", false],
    ["RequestExpired", false],
  ])("status %s → cancellable %s", (status, expected) => {
    expect(map({ id: "b", status }).cancellable).toBe(expected);
  });

  it("tells the documented error messages apart", () => {
    const classify = privilegedRoleCategory.classifyCancelRefusal;
    expect(classify({ status: 400, code: "BadRequest", message: "Cancellation can be done only on status Scheduled and PendingApproval." })).toBe("not_cancellable");
    expect(classify({ status: 400, code: "BadRequest", message: "Request with request ID not found." })).toBe("not_found");
  });

  it("reads the documented 403 as possibly gone, and a 403 for a missing permission as a permission problem", () => {
    const classify = privilegedRoleCategory.classifyCancelRefusal;
    expect(classify({ status: 403, code: "UnAuthorized", message: "Requester not allowed to make Cancel call or request not found." })).toBe("not_found");
    expect(classify({ status: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." })).toBeUndefined();
  });
});

describe("PIM v1 names the caller 'Self': the app shows the signed-in user, as every other category does", () => {
  const map = mapper(privilegedRoleCategory);
  const landmarks = SEED_LANDMARKS.privilegedRole;
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    vi.stubEnv("GRAPH_BASE_URL", h.url);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await h.close();
  });
  beforeEach(async () => {
    await h.reset();
  });

  async function list(person: DemoPerson, view: "mine" | "all"): Promise<PendingRequest[]> {
    const url = `http://localhost/api/requests?category=privileged-role&view=${view}`;
    const response = await listRoute(new NextRequest(url, { headers: { authorization: `Bearer ${await h.token(person)}` } }));
    expect(response.status).toBe(200);
    return ((await response.json()) as RequestPage).items;
  }
  const usersAsked = async () =>
    ((await h.call("/_emulator/requests")).body as Array<{ path: string }>).map((c) => c.path).filter((p) => /\/(users|me)\b/i.test(p));

  it("'Self' (any case) is never taken for a user id", () => {
    expect(map({ id: "b", status: "Scheduled", userId: "Self" }).principal).toEqual({ id: "self", displayName: "You" });
    expect(map({ id: "b", status: "Scheduled", userId: "self" }).principal).toEqual({ id: "self", displayName: "You" });
    expect(map({ id: "b", status: "Scheduled", userId: MEGAN.oid }).principal).toEqual({ id: MEGAN.oid, displayName: MEGAN.oid });
  });

  it("Megan's My requests read 'Megan Bowen' on every row, from /me; no user is looked up by the id 'Self'", async () => {
    const items = await list(MEGAN, "mine");
    expect(items.length).toBe(5);
    expect(new Set(items.map((i) => JSON.stringify(i.principal)))).toEqual(new Set([JSON.stringify({ id: MEGAN.oid, displayName: MEGAN.displayName })]));
    expect(await usersAsked()).toEqual(["/v1.0/me"]);
  });

  it("Adele's All requests name her own rows 'Adele Vance' and everyone else by their looked-up name", async () => {
    const items = await list(ADMIN, "all");
    const byId = new Map(items.map((i) => [i.id, i.principal]));
    expect(byId.get(landmarks.adminCancellable.id)).toEqual({ id: ADMIN.oid, displayName: ADMIN.displayName });
    expect(byId.get(landmarks.meganCancellable.id)).toEqual({ id: MEGAN.oid, displayName: MEGAN.displayName });
    expect(byId.get(landmarks.colleagueCancellable.id)).toEqual({ id: landmarks.colleagueCancellable.principalId, displayName: landmarks.colleagueCancellable.principalDisplayName });
    expect(items.every((i) => i.principal.displayName !== i.principal.id && i.principal.id !== "self")).toBe(true);
    expect(await usersAsked()).not.toContain("/v1.0/users/Self");
  });

  it("a cancel answered with 'Self' shows the canceller's name", async () => {
    const own = landmarks.meganCancellable;
    const response = await cancelRoute(
      new Request(`http://localhost/api/requests/privileged-role/${own.id}/cancel`, {
        method: "POST",
        headers: { authorization: `Bearer ${await h.token(MEGAN)}`, "content-type": "application/json" },
        body: JSON.stringify({ view: "mine" }),
      }),
      { params: Promise.resolve({ category: "privileged-role", id: own.id }) },
    );
    expect(response.status).toBe(200);
    const { item } = (await response.json()) as { item: PendingRequest };
    expect(item).toMatchObject({ id: own.id, status: "Cancelling", principal: { id: MEGAN.oid, displayName: MEGAN.displayName } });
  });
});

describe("PIM v3 directory roles: Granted, and requests still awaiting approval (as the PIM docs and portal allow)", () => {
  it.each([
    ["assignment", "Granted", true],
    ["assignment", "PendingApproval", true],
    ["assignment", "PendingAdminDecision", true],
    ["assignment", "PendingProvisioning", false],
    ["assignment", "Provisioned", false],
    ["eligibility", "Granted", true],
    ["eligibility", "PendingApproval", true],
    ["eligibility", "PendingAdminDecision", true],
    ["eligibility", "PendingScheduleCreation", false],
    ["eligibility", "Failed", false],
  ] as const)("%s: %s → %s", (kind, status, expected) => {
    const category = kind === "assignment" ? directoryRoleAssignmentCategory : directoryRoleEligibilityCategory;
    expect(mapper(category)({ id: "e", status }).cancellable).toBe(expected);
  });

  it("requires Privileged Role Administrator (or Global Administrator) to cancel, own requests included (contract §7)", () => {
    for (const category of [directoryRoleAssignmentCategory, directoryRoleEligibilityCategory]) {
      expect(category.cancelRoles?.templateIds).toEqual(["e8611ab8-c189-46e8-94e1-60213ab1f814", "62e90394-69f5-4237-9190-012177145e10"]);
      expect(category.cancelRoles?.names).toEqual(["Privileged Role Administrator", "Global Administrator"]);
    }
    expect(governanceRoleCategory.cancelRoles).toBeUndefined();
    expect(privilegedRoleCategory.cancelRoles).toBeUndefined();
  });

  it("lists the caller's own requests with filterByCurrentUser(on='principal')", () => {
    const [source] = directoryRoleEligibilityCategory.list.mine.sources({ callerId: "" });
    expect(source).toMatchObject({
      kind: "collection",
      call: { version: "v1.0", path: "/roleManagement/directory/roleEligibilityScheduleRequests/filterByCurrentUser(on='principal')" },
    });
  });
});
