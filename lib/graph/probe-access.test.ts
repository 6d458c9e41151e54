import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CategoryAccess } from "@/lib/requests/category-access";
import { ADMIN, DEMO_PEOPLE, GRAPH_DELEGATED_SCOPES, MEGAN, type DemoPerson } from "../../stand-ins/demo-tenant";
import { harnessForFile } from "../../stand-ins/graph-emulator/test-harness";
import { PROBE_PARENTS, probeGraphAccess } from "./probe-access";

// GET /api/access's probe against the real Graph emulator, in-process. PIM for Groups and PIM v2 cannot be listed
// without a parent (a group, a resource), so their "All requests" is probed through a few of the parents.

const h = harnessForFile();
beforeAll(() => {
  vi.stubEnv("GRAPH_BASE_URL", h.url);
});

const ALEX = DEMO_PEOPLE.find((p) => p.userPrincipalName === "alex@contoso.test")!;

type LoggedCall = { method: string; path: string; query: Record<string, string>; viaBatch: boolean };
const graphLog = async () => (await h.call("/_emulator/requests")).body as LoggedCall[];

async function probeAs(person: DemoPerson): Promise<Map<string, CategoryAccess["views"]>> {
  await h.call("/_emulator/requests", { method: "DELETE" });
  const access = await probeGraphAccess(await h.token(person));
  return new Map(access.categories.map((entry) => [entry.category, entry.views]));
}

/** The groups the admin view fans out over first, in Graph's order, as `/api/access` sees them. */
async function firstSecurityGroups(person: DemoPerson): Promise<string[]> {
  const page = await h.call(`/v1.0/groups?$filter=securityEnabled eq true&$select=id&$top=${PROBE_PARENTS}`, { token: await h.token(person) });
  return (page.body.value as Array<{ id: string }>).map((g) => g.id);
}

describe("what /api/access reports", () => {
  it("offers an administrator every view, for the same round trips as one sample parent: parents, /me, one $batch per version", async () => {
    const views = await probeAs(ADMIN);

    expect([...views.values()].every((v) => v.all.available && v.mine.available)).toBe(true);
    const direct = (await graphLog()).filter((c) => !c.viaBatch);
    expect(direct.map((c) => `${c.method} ${c.path}`).sort()).toEqual(
      ["GET /v1.0/groups", "GET /v1.0/me", "GET /beta/privilegedAccess/azureResources/resources", "POST /v1.0/$batch", "POST /beta/$batch"].sort(),
    );
    expect(direct.find((c) => c.path === "/v1.0/groups")?.query).toMatchObject({ $top: String(PROBE_PARENTS) });
  });

  it("offers a group owner All requests for PIM for Groups although the first groups listed refuse them", async () => {
    const groups = await firstSecurityGroups(ALEX);
    const token = await h.token(ALEX);
    const answers = await Promise.all(
      groups.map(async (id) => (await h.call(`/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests?$filter=groupId eq '${id}'&$top=1`, { token })).status),
    );
    // Alex owns one of the sampled groups, not the first: asking about the first alone said "forbidden".
    expect(answers[0]).toBe(403);
    expect(answers.filter((status) => status === 200)).toHaveLength(1);

    const views = await probeAs(ALEX);

    expect(views.get("group-assignment")?.all).toEqual({ available: true });
    expect(views.get("group-eligibility")?.all).toEqual({ available: true });
    // A view Alex has no role for is still refused, with the reason.
    expect(views.get("access-package")?.all.available).toBe(false);
    const sampled = (await graphLog()).filter((c) => c.viaBatch && /\/group\/assignmentScheduleRequests$/.test(c.path));
    expect(sampled.filter((c) => c.query.$filter?.startsWith("groupId"))).toHaveLength(groups.length);
    expect(sampled.every((c) => !c.query.$filter?.startsWith("groupId") || c.query.$top === "1")).toBe(true);
  });

  it("tells someone every sampled group refuses that they may not list everyone's group requests, and why", async () => {
    const views = await probeAs(MEGAN);

    for (const slug of ["group-assignment", "group-eligibility"]) {
      expect(views.get(slug)?.all).toMatchObject({ available: false, code: "forbidden" });
      expect(views.get(slug)?.all.message).toMatch(/role|owner/i);
      expect(views.get(slug)?.mine).toEqual({ available: true });
    }
  });

  it("probes PIM v2 through the first provider's first resources the same way", async () => {
    const adminViews = await probeAs(ADMIN);
    const asked = (await graphLog()).filter((c) => c.viaBatch && /^\/beta\/privilegedAccess\/azureResources\/resources\/[^/]+\/roleAssignmentRequests$/.test(c.path));
    const alexViews = await probeAs(ALEX);

    expect(adminViews.get("governance-role")?.all).toEqual({ available: true });
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.length).toBeLessThanOrEqual(PROBE_PARENTS);
    expect(alexViews.get("governance-role")?.all.available).toBe(false);
  });

  it("refuses PIM v2's All requests, naming its permissions, when every provider refuses to list its resources", async () => {
    await h.call("/_emulator/requests", { method: "DELETE" });
    const pimV2 = new Set(["PrivilegedAccess.ReadWrite.AzureResources", "PrivilegedAccess.ReadWrite.AzureAD", "PrivilegedAccess.ReadWrite.AzureADGroup"]);
    const access = await probeGraphAccess(await h.token(ADMIN, { scopes: GRAPH_DELEGATED_SCOPES.filter((s) => !pimV2.has(s)) }));
    const governance = access.categories.find((entry) => entry.category === "governance-role")!.views;

    expect(governance.all).toMatchObject({ available: false, code: "forbidden" });
    expect(governance.all.message).toContain("PrivilegedAccess.ReadWrite.AzureResources");
    // Every provider was asked before the view was refused.
    const asked = (await graphLog()).filter((c) => !c.viaBatch && /^\/beta\/privilegedAccess\/\w+\/resources$/.test(c.path));
    expect(asked.map((c) => c.path).sort()).toEqual(["/beta/privilegedAccess/aadGroups/resources", "/beta/privilegedAccess/aadroles/resources", "/beta/privilegedAccess/azureResources/resources"]);
  });

  it("offers PIM v2's All requests when the first provider refuses and another one answers", async () => {
    await h.call("/_emulator/requests", { method: "DELETE" });
    const access = await probeGraphAccess(await h.token(ADMIN, { scopes: GRAPH_DELEGATED_SCOPES.filter((s) => s !== "PrivilegedAccess.ReadWrite.AzureResources") }));
    const governance = access.categories.find((entry) => entry.category === "governance-role")!.views;

    expect(governance.all).toEqual({ available: true });
    const sampled = (await graphLog()).filter((c) => c.viaBatch && /^\/beta\/privilegedAccess\/aadroles\/resources\/[^/]+\/roleAssignmentRequests$/.test(c.path));
    expect(sampled.length).toBeGreaterThan(0);
  });

  it("reports PIM for Groups' All requests as refused, naming what lists groups, when Graph will not list the groups", async () => {
    const groupReaders = new Set(["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"]);
    const access = await probeGraphAccess(await h.token(ADMIN, { scopes: GRAPH_DELEGATED_SCOPES.filter((s) => !groupReaders.has(s)) }));
    const groups = access.categories.find((entry) => entry.category === "group-assignment")!.views;
    expect(groups.all).toMatchObject({ available: false, code: "forbidden" });
    expect(groups.all.message).toContain("GroupMember.Read.All");
    // Her own requests need no group list.
    expect(groups.mine).toEqual({ available: true });
  });
});
