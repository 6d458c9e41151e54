import { describe, expect, it } from "vitest";
import { z } from "zod";
import { governanceRoleCategory } from "./governance-role";
import { idSegment } from "./path-segment";
import { CATEGORY_REGISTRY } from "./registry";

describe("ids as path segments", () => {
  it("passes ids of Graph's shape unchanged", () => {
    expect(idSegment("3f1a2b4c-0000-4000-8000-000000000001")).toBe("3f1a2b4c-0000-4000-8000-000000000001");
    expect(idSegment("abc_123")).toBe("abc_123");
  });

  it.each(["", "..", "a/b", "a?b", "a%2Fb", "a b", "x".repeat(129), "a#b"])("refuses %j before it reaches a path", (id) => {
    expect(() => idSegment(id)).toThrow(expect.objectContaining({ code: "invalid_input", status: 400 }));
  });

  it("encodes whatever looser rules let through, so it stays one segment", () => {
    expect(idSegment("a b/c", z.string())).toBe("a%20b%2Fc");
  });

  it("keeps ids out of every Graph category's cancel and read-back paths unless they are one segment", () => {
    for (const category of CATEGORY_REGISTRY) {
      if (category.upstream !== "graph") continue;
      for (const view of ["all", "mine"] as const) {
        expect(() => category.cancel("../users", view), category.summary.slug).toThrow(expect.objectContaining({ code: "invalid_input" }));
        // A self-service read-back may carry the id in its $filter (as a quoted OData string), never in the path.
        let path = "";
        try {
          path = category.readBack("a/b", view).path;
        } catch (error) {
          expect(error, category.summary.slug).toMatchObject({ code: "invalid_input" });
        }
        expect(path, category.summary.slug).not.toContain("a/b");
      }
    }
  });

  it("checks a PIM v2 resource id Graph listed before asking about its requests", () => {
    const source = governanceRoleCategory.list.all.sources({ callerId: "" })[0]!;
    if (source.kind !== "fan-out") throw new Error("PIM v2's admin view fans out over resources");
    expect(source.child("5e0e1d3c-aaaa-4bbb-8ccc-000000000001").path).toBe(
      "/privilegedAccess/azureResources/resources/5e0e1d3c-aaaa-4bbb-8ccc-000000000001/roleAssignmentRequests",
    );
    expect(() => source.child("../../users")).toThrow(expect.objectContaining({ code: "invalid_input" }));
  });
});
