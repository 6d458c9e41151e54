import { beforeEach, describe, expect, it, vi } from "vitest";
import { accessPackageCategory } from "@/lib/categories/access-package";
import { directoryRoleAssignmentCategory } from "@/lib/categories/directory-role-assignment";
import { governanceRoleCategory } from "@/lib/categories/governance-role";
import { groupAssignmentCategory } from "@/lib/categories/group-assignment";
import { privilegedRoleCategory } from "@/lib/categories/privileged-role";
import type { GraphCategory } from "@/lib/categories/category-definition";
import { readCallerId } from "./caller";
import { sealCursor, type CursorPosition } from "@/lib/upstreams/cursor";
import { cursorCaller } from "@/lib/upstreams/cursor-caller";
import { GraphHttpError, GraphUnreachableError } from "./graph-error";
import { graphRequest } from "./graph-fetch";
import { buildGraphUrl, isLinkWithin } from "./graph-url";
import { listGraphRequestPage } from "./list-requests";
import { mapGraphError } from "./map-graph-error";

// No Graph here: every call that would reach it is recorded instead, so a test can say none was made.
vi.mock("./graph-fetch", () => ({ graphRequest: vi.fn() }));
const graphCalls = vi.mocked(graphRequest);
beforeEach(() => {
  graphCalls.mockReset();
});

const adminList = { version: "v1.0" as const, path: "/identityGovernance/entitlementManagement/assignmentRequests" };

describe("following links", () => {
  it("builds Graph URLs under the configured cloud", () => {
    expect(buildGraphUrl({ ...adminList, query: { $expand: "accessPackage" } })).toBe(
      "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentRequests?%24expand=accessPackage",
    );
  });

  it("follows a next link only to the same host, version and collection", () => {
    expect(isLinkWithin("https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentRequests?$skiptoken=x", adminList)).toBe(true);
    expect(isLinkWithin("https://evil.example/v1.0/identityGovernance/entitlementManagement/assignmentRequests", adminList)).toBe(false);
    expect(isLinkWithin("https://graph.microsoft.com/beta/identityGovernance/entitlementManagement/assignmentRequests", adminList)).toBe(false);
    expect(isLinkWithin("https://graph.microsoft.com/v1.0/users", adminList)).toBe(false);
    expect(isLinkWithin("not a url", adminList)).toBe(false);
    expect(isLinkWithin("https://graph.microsoft.com/v1.0/identityGovernance/%E0%A4%A", adminList)).toBe(false);
  });
});

describe("translating Graph errors", () => {
  const cancelContext = (category: GraphCategory<never>) => ({
    category: category as unknown as GraphCategory<unknown>,
    operation: "cancel" as const,
    view: "all" as const,
  });
  const graphError = (status: number, code?: string) =>
    GraphHttpError.fromParts(status, { error: { code, message: "graph says no", innerError: { "request-id": "rid" } } }, undefined);

  it("turns a refused cancel into 409 not_cancellable, keeping Graph's code and request id", () => {
    const error = mapGraphError(graphError(400, "RequestCannotBeCancelled"), cancelContext(groupAssignmentCategory as never));
    expect(error).toMatchObject({ code: "not_cancellable", status: 409, upstreamCode: "RequestCannotBeCancelled", requestId: "rid" });
    expect(error.message).toMatch(/no longer in a state that can be cancelled/);
  });

  it.each([
    ["PIM for Groups", groupAssignmentCategory, undefined],
    ["PIM for Groups", groupAssignmentCategory, "SomethingNew"],
    ["access packages", accessPackageCategory, undefined],
    ["access packages", accessPackageCategory, "SomethingNew"],
  ])("turns a %s cancel refused with a 400 (code %s) into 409 not_cancellable", (_, category, code) => {
    const error = mapGraphError(graphError(400, code), cancelContext(category as never));
    expect(error).toMatchObject({ code: "not_cancellable", status: 409, upstreamCode: code, requestId: "rid" });
  });

  it("says what PIM v1's documented cancel 403 means instead of naming a permission the user may hold", () => {
    const refusal = GraphHttpError.fromParts(
      403,
      { error: { code: "UnAuthorized", message: "Requester not allowed to make Cancel call or request not found." } },
      undefined,
    );
    const error = mapGraphError(refusal, cancelContext(privilegedRoleCategory as never));
    expect(error).toMatchObject({ code: "forbidden", status: 403, upstreamCode: "UnAuthorized" });
    expect(error.message).toMatch(/either you are not allowed to cancel it, or it no longer exists/);
    expect(error.message).not.toContain("PrivilegedAccess.ReadWrite.AzureAD");

    const missingScope = mapGraphError(graphError(403, "Authorization_RequestDenied"), cancelContext(privilegedRoleCategory as never));
    expect(missingScope).toMatchObject({ code: "forbidden", status: 403 });
    expect(missingScope.message).toContain("PrivilegedAccess.ReadWrite.AzureAD");
  });

  it("names the missing permission and role on a 403", () => {
    const error = mapGraphError(graphError(403, "Authorization_RequestDenied"), {
      ...cancelContext(accessPackageCategory as never),
      operation: "list",
    });
    expect(error.status).toBe(403);
    expect(error.message).toContain("EntitlementManagement.Read.All");
    expect(error.message).toContain("Identity Governance Administrator");
  });

  it("names the role a directory-role cancel needs, in 'My requests' too, not the reader roles", () => {
    for (const view of ["mine", "all"] as const) {
      const error = mapGraphError(graphError(403, "Authorization_RequestDenied"), {
        ...cancelContext(directoryRoleAssignmentCategory as never),
        view,
      });
      expect(error.message).toContain("RoleAssignmentSchedule.ReadWrite.Directory");
      expect(error.message).toContain("Privileged Role Administrator");
      expect(error.message).not.toContain("Global Reader");
    }
  });

  it.each([
    [401, "unauthenticated"],
    [404, "not_found"],
    [429, "throttled"],
    [503, "upstream_unavailable"],
    [504, "upstream_timeout"],
    [500, "upstream_error"],
    [400, "upstream_error"],
  ])("maps Graph %s to %s", (status, code) => {
    const listContext = { ...cancelContext(groupAssignmentCategory as never), operation: "list" as const };
    expect(mapGraphError(graphError(status, "Something"), listContext).code).toBe(code);
  });

  it("reports an unreachable or slow Graph as 503 / 504", () => {
    expect(mapGraphError(new GraphUnreachableError(false, null)).status).toBe(503);
    expect(mapGraphError(new GraphUnreachableError(true, null)).status).toBe(504);
  });
});

describe("bad input never reaches Graph", () => {
  const governanceRole = governanceRoleCategory as unknown as GraphCategory<unknown>;
  const skip: CursorPosition = { source: 0, paging: [["$skiptoken", "abc"]] };
  const sealed = (position: CursorPosition, slug = "governance-role", view: "mine" | "all" = "mine", token = "t") =>
    sealCursor({ category: slug as never, view, caller: cursorCaller(token) }, position);

  it.each([
    ["a string that is no cursor", "bm90IGpzb24"],
    ["another category's cursor", sealed(skip, "access-package")],
    ["another view's cursor", sealed(skip, "governance-role", "all")],
    ["another caller's cursor", sealed(skip, "governance-role", "mine", "someone-else")],
  ])("refuses %s for the self-service PIM v2 list before asking Graph who the user is", async (_, cursor) => {
    await expect(listGraphRequestPage({ category: governanceRole, view: "mine", cursor, token: "t" })).rejects.toMatchObject({
      code: "invalid_cursor",
      status: 400,
    });
    expect(graphCalls).not.toHaveBeenCalled();
  });

  it("refuses a sealed cursor whose source the plan does not have, without following it", async () => {
    graphCalls.mockResolvedValue({ status: 200, body: { id: "caller-oid" } });
    await expect(listGraphRequestPage({ category: governanceRole, view: "mine", cursor: sealed({ ...skip, source: 7 }), token: "t" })).rejects.toMatchObject({
      code: "invalid_cursor",
    });
    // Only `/me`, which the plan needs to know its sources.
    expect(graphCalls.mock.calls.map(([url]) => new URL(url).pathname)).toEqual(["/v1.0/me"]);
  });

  it("rebuilds the next page from the plan: a cursor brings its skip token, never the host, path or filter", async () => {
    graphCalls.mockImplementation(async (url) =>
      new URL(url).pathname === "/v1.0/me" ? { status: 200, body: { id: "caller-oid" } } : { status: 200, body: { value: [] } },
    );
    await listGraphRequestPage({ category: governanceRole, view: "mine", cursor: sealed({ source: 1, paging: [["$skiptoken", "abc"]] }), token: "t" });
    const listed = new URL(graphCalls.mock.calls[1]![0]);
    expect(listed.origin + listed.pathname).toBe("https://graph.microsoft.com/beta/privilegedAccess/aadroles/roleAssignmentRequests");
    expect(listed.searchParams.get("$filter")).toBe("subjectId eq 'caller-oid'");
    expect(listed.searchParams.get("$skiptoken")).toBe("abc");
  });

  it("hands out a cursor with only the paging options of Graph's next link", async () => {
    graphCalls.mockResolvedValue({
      status: 200,
      body: { value: [], "@odata.nextLink": "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentRequests?$expand=accessPackage&$skiptoken=next" },
    });
    const page = await listGraphRequestPage({ category: accessPackageCategory as unknown as GraphCategory<unknown>, view: "all", cursor: undefined, token: "t" });
    const payload = JSON.parse(Buffer.from(page.nextCursor!.split(".")[0]!, "base64url").toString()) as { s: number; p: unknown };
    expect({ s: payload.s, p: payload.p }).toEqual({ s: 0, p: [["$skiptoken", "next"]] });
  });

  it.each([
    ["no id", {}],
    ["an empty id", { id: "" }],
    ["no body", null],
  ])("reports an answer from /me with %s as Graph's failure (502), not the app's", async (_, body) => {
    graphCalls.mockResolvedValue({ status: 200, body });
    await expect(readCallerId("t")).rejects.toMatchObject({ code: "upstream_error", status: 502 });
  });
});
