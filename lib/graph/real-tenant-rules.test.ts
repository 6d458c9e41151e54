import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listRoute } from "@/app/api/requests/route";
import { POST as cancelRoute } from "@/app/api/requests/[category]/[id]/cancel/route";
import { POST as bulkRoute } from "@/app/api/requests/cancel/route";
import { GET as accessRoute } from "@/app/api/access/route";
import type { RequestPage } from "@/lib/requests/pending-request";
import { bulkLineSchema, type BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import { ADMIN, GRAPH_DELEGATED_SCOPES, MEGAN, PATTI, ROLE_TEMPLATE_IDS } from "../../stand-ins/demo-tenant";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { harnessForFile } from "../../stand-ins/graph-emulator/test-harness";
import { parseClaimsChallenge } from "./graph-error";

// What a real tenant does that the stand-ins used to spare the app: directory roles come from Graph, never from the
// token; Conditional Access answers with a claims challenge that the app hands to the browser intact.

const h = harnessForFile();
const C1 = Buffer.from(JSON.stringify({ access_token: { acrs: { essential: true, value: "c1" } } })).toString("base64");

beforeAll(() => {
  vi.stubEnv("GRAPH_BASE_URL", h.url);
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function list(token: string, category: string, view: "mine" | "all"): Promise<RequestPage> {
  const response = await listRoute(new NextRequest(`http://localhost/api/requests?category=${category}&view=${view}`, { headers: bearer(token) }));
  expect(response.status).toBe(200);
  return (await response.json()) as RequestPage;
}

async function demandClaims(body: Record<string, unknown> = {}): Promise<void> {
  expect((await h.call("/_emulator/claims-challenge", { method: "POST", body })).status).toBe(200);
}

describe("directory roles come from Graph, not from the access token", () => {
  it("reports the caller's active roles in /api/access, or null when Graph will not say", async () => {
    const access = async (token: string) => (await (await accessRoute(new NextRequest("http://localhost/api/access", { headers: bearer(token) }))).json()) as { directoryRoles: string[] | null };
    expect(new Set((await access(await h.token(ADMIN))).directoryRoles)).toEqual(new Set(ADMIN.directoryRoles));
    expect((await access(await h.token(MEGAN))).directoryRoles).toEqual([]);
    // Fabrikam granted only User.Read: Graph refuses the roles read, and the roles stay unknown.
    expect((await access(await h.token(PATTI, { scopes: ["User.Read"] }))).directoryRoles).toBeNull();
  });

  it("offers Megan no Cancel on her own directory-role requests, whatever her token claims about roles", async () => {
    // The token says Privileged Role Administrator (a forged or stale `wids`), Graph says she holds no role.
    const token = await h.token({ ...MEGAN, directoryRoles: [ROLE_TEMPLATE_IDS.privilegedRoleAdministrator] });
    const page = await list(token, "directory-role-assignment", "mine");
    const granted = page.items.find((item) => item.id === SEED_LANDMARKS.directoryRoleAssignment.meganCancellable.id)!;
    expect(granted).toMatchObject({ cancellable: false });
    expect(granted.cancelBlockedReason).toMatch(/Privileged Role Administrator/);
  });

  it("offers Cancel as the status allows when Graph will not report the roles; Graph's own 403 still decides", async () => {
    const withoutRoleReads = GRAPH_DELEGATED_SCOPES.filter((s) => !/^RoleAssignmentSchedule\.|^RoleManagement\.|^Directory\.Read/.test(s));
    const page = await list(await h.token(MEGAN, { scopes: [...withoutRoleReads, "RoleEligibilitySchedule.ReadWrite.Directory"] }), "directory-role-eligibility", "mine");
    const granted = page.items.find((item) => item.id === SEED_LANDMARKS.directoryRoleEligibility.meganCancellable.id)!;
    expect(granted).toMatchObject({ cancellable: true });
    expect(granted.cancelBlockedReason).toBeUndefined();
  });
});

describe("claims challenges", () => {
  it("reads Graph's challenge header, and only an insufficient_claims one", () => {
    expect(parseClaimsChallenge(`Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${C1}"`)).toBe(C1);
    expect(parseClaimsChallenge(`Bearer realm="", error="invalid_token", claims="${C1}"`)).toBeUndefined();
    expect(parseClaimsChallenge(`Bearer realm="", error="insufficient_claims", claims="not base64!"`)).toBeUndefined();
    expect(parseClaimsChallenge(undefined)).toBeUndefined();
  });

  it("a single cancel answers 401 claims_challenge with Graph's claims, and nothing is cancelled", async () => {
    await demandClaims({ method: "POST", pathPattern: "/cancel$" });
    const landmark = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
    const token = await h.token(ADMIN, { capabilities: ["cp1"] });
    const response = await cancelRoute(
      new NextRequest(`http://localhost/api/requests/group-assignment/${landmark.id}/cancel`, { method: "POST", headers: bearer(token) }),
      { params: Promise.resolve({ category: "group-assignment", id: landmark.id }) },
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "claims_challenge", claims: C1 } });
    expect((await h.call(`/_emulator/state/groupAssignmentScheduleRequests/${landmark.id}`)).body.status).toBe(landmark.status);

    // A token that carries the authentication context goes through.
    const satisfied = await h.token(ADMIN, { capabilities: ["cp1"], authContexts: ["c1"] });
    const again = await cancelRoute(
      new NextRequest(`http://localhost/api/requests/group-assignment/${landmark.id}/cancel`, { method: "POST", headers: bearer(satisfied) }),
      { params: Promise.resolve({ category: "group-assignment", id: landmark.id }) },
    );
    expect(again.status).toBe(200);
  });

  it("a list or the access check met by a challenge is a 401 claims_challenge as a whole, not a refusal", async () => {
    await demandClaims();
    const token = await h.token(ADMIN, { capabilities: ["cp1"] });
    const listed = await listRoute(new NextRequest("http://localhost/api/requests?category=access-package&view=all", { headers: bearer(token) }));
    expect(listed.status).toBe(401);
    expect(await listed.json()).toMatchObject({ error: { code: "claims_challenge", claims: C1 } });
    const access = await accessRoute(new NextRequest("http://localhost/api/access", { headers: bearer(token) }));
    expect(access.status).toBe(401);
    expect(await access.json()).toMatchObject({ error: { code: "claims_challenge", claims: C1 } });
  });

  it("a bulk run reports challenged items as claims_challenge with the claims, and Graph did nothing to them", async () => {
    const picks = [SEED_LANDMARKS.accessPackage.colleagueCancellable, SEED_LANDMARKS.accessPackage.adminCancellable];
    // The first cancel goes through, the challenge starts mid-run.
    await demandClaims({ method: "POST", pathPattern: "/cancel$", skip: 1 });
    const token = await h.token(ADMIN, { capabilities: ["cp1"] });
    const response = await bulkRoute(
      new NextRequest("http://localhost/api/requests/cancel", {
        method: "POST",
        headers: { ...bearer(token), "content-type": "application/json" },
        body: JSON.stringify({ view: "all", items: picks.map((p) => ({ category: "access-package", id: p.id })) }),
      }),
    );
    expect(response.status).toBe(200);
    const lines = (await response.text()).trimEnd().split("\n").map((line) => bulkLineSchema.parse(JSON.parse(line)));
    const outcomes = lines.filter((line): line is BulkOutcomeLine => line.type === "outcome");
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["cancelled", "claims_challenge"]);
    const challenged = outcomes.find((o) => o.outcome === "claims_challenge")!;
    expect(challenged.claims).toBe(C1);
    const record = (await h.call(`/_emulator/state/accessPackageAssignmentRequests/${challenged.id}`)).body;
    expect(record.status).toBe(picks.find((p) => p.id === challenged.id)!.status);
  });
});
