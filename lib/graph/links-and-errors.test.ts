import { describe, expect, it } from "vitest";
import { accessPackageCategory } from "@/lib/categories/access-package";
import { groupAssignmentCategory } from "@/lib/categories/group-assignment";
import type { RequestCategory } from "@/lib/categories/category-definition";
import { AppError } from "@/lib/errors/app-error";
import { decodeCursor, encodeCursor } from "./cursor";
import { GraphHttpError, GraphUnreachableError } from "./graph-error";
import { buildGraphUrl, isLinkWithin } from "./graph-url";
import { mapGraphError } from "./map-graph-error";

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
  const cancelContext = (category: RequestCategory<never>) => ({
    category: category as unknown as RequestCategory<unknown>,
    operation: "cancel" as const,
    view: "all" as const,
  });
  const graphError = (status: number, code?: string) =>
    GraphHttpError.fromParts(status, { error: { code, message: "graph says no", innerError: { "request-id": "rid" } } }, undefined);

  it("turns a refused cancel into 409 not_cancellable, keeping Graph's code and request id", () => {
    const error = mapGraphError(graphError(400, "RequestCannotBeCancelled"), cancelContext(groupAssignmentCategory as never));
    expect(error).toMatchObject({ code: "not_cancellable", status: 409, graphCode: "RequestCannotBeCancelled", requestId: "rid" });
    expect(error.message).toMatch(/no longer in a state that can be cancelled/);
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

  it.each([
    [401, "unauthenticated"],
    [404, "not_found"],
    [429, "throttled"],
    [503, "upstream_unavailable"],
    [504, "upstream_timeout"],
    [500, "upstream_error"],
    [400, "upstream_error"],
  ])("maps Graph %s to %s", (status, code) => {
    expect(mapGraphError(graphError(status, "Something"), cancelContext(groupAssignmentCategory as never)).code).toBe(code);
  });

  it("reports an unreachable or slow Graph as 503 / 504", () => {
    expect(mapGraphError(new GraphUnreachableError(false, null)).status).toBe(503);
    expect(mapGraphError(new GraphUnreachableError(true, null)).status).toBe(504);
  });
});
