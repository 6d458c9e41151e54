import { beforeEach, describe, expect, it, vi } from "vitest";
import { accessPackageCategory } from "@/lib/categories/access-package";
import { directoryRoleAssignmentCategory } from "@/lib/categories/directory-role-assignment";
import { governanceRoleCategory } from "@/lib/categories/governance-role";
import { groupAssignmentCategory } from "@/lib/categories/group-assignment";
import { privilegedRoleCategory } from "@/lib/categories/privileged-role";
import type { GraphCategory } from "@/lib/categories/category-definition";
import { AppError } from "@/lib/errors/app-error";
import { readCallerId } from "./caller";
import { decodeCursor, encodeCursor } from "@/lib/upstreams/cursor";
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

  it("round-trips a cursor and refuses one from another category, view or a tampered one", () => {
    const position = { source: 1, link: "https://graph.microsoft.com/v1.0/x?$skiptoken=1" };
    const cursor = encodeCursor("access-package", "all", position);
    expect(decodeCursor(cursor, "access-package", "all")).toEqual(position);
    for (const [c, slug, view] of [
      [cursor, "group-assignment", "all"],
      [cursor, "access-package", "mine"],
      ["bm90IGpzb24", "access-package", "all"],
    ] as const) {
      expect(() => decodeCursor(c, slug, view)).toThrow(AppError);
    }
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
  const forged = (position: { source: number; link: string }, slug = "governance-role", view = "mine" as const) =>
    encodeCursor(slug as never, view, position);

  it.each([
    ["a string that is no cursor", "bm90IGpzb24"],
    ["another category's cursor", forged({ source: 0, link: "https://graph.microsoft.com/beta/privilegedAccess/azureResources/roleAssignmentRequests" }, "access-package")],
    ["another view's cursor", encodeCursor("governance-role", "all", { source: 0, link: "https://graph.microsoft.com/beta/privilegedAccess/azureResources/resources" })],
  ])("refuses %s for the self-service PIM v2 list before asking Graph who the user is", async (_, cursor) => {
    await expect(listGraphRequestPage({ category: governanceRole, view: "mine", cursor, token: "t" })).rejects.toMatchObject({
      code: "invalid_input",
      status: 400,
    });
    expect(graphCalls).not.toHaveBeenCalled();
  });

  it("refuses a well-formed cursor whose link or source does not fit the plan, without following it", async () => {
    graphCalls.mockResolvedValue({ status: 200, body: { id: "caller-oid" } });
    for (const position of [
      { source: 0, link: "https://evil.example/beta/privilegedAccess/azureResources/roleAssignmentRequests" },
      { source: 7, link: "https://graph.microsoft.com/beta/privilegedAccess/azureResources/roleAssignmentRequests" },
    ]) {
      await expect(listGraphRequestPage({ category: governanceRole, view: "mine", cursor: forged(position), token: "t" })).rejects.toMatchObject({
        code: "invalid_input",
      });
    }
    // Only `/me`, which the plan needs to know its sources.
    expect(graphCalls.mock.calls.map(([url]) => new URL(url).pathname)).toEqual(["/v1.0/me", "/v1.0/me"]);
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
