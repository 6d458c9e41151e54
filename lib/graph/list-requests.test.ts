import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/requests/route";
import type { RequestPage } from "@/lib/requests/pending-request";
import { ADMIN, GRAPH_DELEGATED_SCOPES } from "../../stand-ins/demo-tenant";
import { harnessForFile } from "../../stand-ins/graph-emulator/test-harness";

// The admin list of PIM for Groups requests against the real Graph emulator, in-process. Graph will not list them
// without a group, so the route fans out over the tenant's groups; with many requests per group, each group's list
// has several pages, and those pages are what a slow first screen is made of.

const PAGE_SIZE = 20;
const h = harnessForFile({ pageSize: PAGE_SIZE, seed: { extraRequestsPerCollection: 300 } });
let adminToken = "";

beforeAll(async () => {
  vi.stubEnv("GRAPH_BASE_URL", h.url);
  adminToken = await h.token(ADMIN);
});

async function groupIds(filter: string): Promise<Set<string>> {
  const pages = await h.allPages(`/v1.0/groups?$filter=${filter}&$select=id`, adminToken);
  return new Set(pages.flatMap((page) => page.body.value.map((g: { id: string }) => g.id)));
}
const securityGroupIds = () => groupIds("securityEnabled eq true");

async function listAsAdmin(category: string, cursor?: string): Promise<RequestPage> {
  const query = `category=${category}&view=all${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
  const response = await GET(new NextRequest(`http://localhost/api/requests?${query}`, { headers: { authorization: `Bearer ${adminToken}` } }));
  expect(response.status).toBe(200);
  return (await response.json()) as RequestPage;
}

const graphRoundTrips = async () =>
  ((await h.call("/_emulator/requests")).body as Array<{ viaBatch: boolean }>).filter((call) => !call.viaBatch).length;

describe("the admin list of PIM for Groups requests", () => {
  it("brings every request of a page of groups, asking for the groups' further pages side by side", async () => {
    const groups = await securityGroupIds();
    // One page of groups, all of them in one $batch: the round trips below are then easy to count.
    expect(groups.size).toBeLessThanOrEqual(PAGE_SIZE);
    const stored = ((await h.call("/_emulator/state/groupAssignmentScheduleRequests")).body as Array<{ id: string; groupId: string }>).filter((r) =>
      groups.has(r.groupId),
    );
    const pagesPerGroup = [...groups].map((id) => Math.max(1, Math.ceil(stored.filter((r) => r.groupId === id).length / PAGE_SIZE)));
    // The seed is big enough that several groups have more than one page (one after another would then cost more).
    expect(pagesPerGroup.filter((pages) => pages > 1).length).toBeGreaterThan(1);
    await h.reset();

    const page = await listAsAdmin("group-assignment");

    expect(page.items.map((item) => item.id).sort()).toEqual(stored.map((r) => r.id).sort());
    // The groups, one $batch with every group's first page, then one $batch per further page of the longest list.
    expect(await graphRoundTrips()).toBe(2 + Math.max(...pagesPerGroup) - 1);
    // The Microsoft 365 groups that are not security groups come next.
    expect(page.nextCursor).not.toBeNull();
  });

  it("then brings the requests of the Microsoft 365 groups that are not security groups, none twice", async () => {
    const security = await securityGroupIds();
    const microsoft365 = await groupIds("groupTypes/any(g:g eq 'Unified') and securityEnabled eq false");
    const stored = (await h.call("/_emulator/state/groupEligibilityScheduleRequests")).body as Array<{ id: string; groupId: string }>;
    expect(microsoft365.size).toBeGreaterThan(0);
    expect([...microsoft365].some((id) => security.has(id))).toBe(false);

    const first = await listAsAdmin("group-eligibility");
    const second = await listAsAdmin("group-eligibility", first.nextCursor ?? undefined);

    expect(second.items.map((item) => item.id).sort()).toEqual(stored.filter((r) => microsoft365.has(r.groupId)).map((r) => r.id).sort());
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.nextCursor).toBeNull();
    // Every stored request is on a group PIM for Groups governs, and the two pages bring each exactly once.
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(stored.map((r) => r.id).sort());
  });

  it("is refused as a whole, not shown empty, when the groups may not be listed (GroupMember.Read.All not granted)", async () => {
    const groupReaders = new Set(["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"]);
    const token = await h.token(ADMIN, { scopes: GRAPH_DELEGATED_SCOPES.filter((scope) => !groupReaders.has(scope)) });
    const response = await GET(new NextRequest("http://localhost/api/requests?category=group-assignment&view=all", { headers: { authorization: `Bearer ${token}` } }));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  });
});
