import { describe, expect, it } from "vitest";
import { listQuerySchema } from "@/app/api/requests/list-query";
import { cancelBodySchema } from "@/app/api/requests/[category]/[id]/cancel/cancel-input";
import { graphIdSchema } from "@/lib/categories/category-definition";
import { categoryFromSlug, parseInput } from "./route-input";
import { readUpstreamToken } from "./upstream-tokens";
import { appErrorOf } from "../../test-support/app-error-of";


describe("Graph request id validation", () => {
  it.each(["6aacaee8-4089-4048-9510-3119367fc943", "12345", "2b5ed229_member_6aacaee8"])("accepts %s", (id) => {
    expect(parseInput(graphIdSchema, id, "request id")).toBe(id);
  });

  it.each([
    ["a path separator", "abc/../groups"],
    ["a dot", "abc.def"],
    ["a percent escape", "abc%2Fdef"],
    ["whitespace", "abc def"],
    ["nothing", ""],
    ["a query", "abc?$select=id"],
    ["too many characters", "a".repeat(129)],
  ])("refuses an id with %s as a 400 invalid_input", (_, id) => {
    const error = appErrorOf(() => parseInput(graphIdSchema, id, "request id"));
    expect(error.code).toBe("invalid_input");
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/request id/i);
  });
});

describe("category lookup", () => {
  it("finds a registered category", () => {
    expect(categoryFromSlug("access-package").summary.apiType).toBe("accessPackageAssignmentRequest");
  });

  it("answers an unknown category with a 404 unknown_category", () => {
    const error = appErrorOf(() => categoryFromSlug("printer-requests"));
    expect(error).toMatchObject({ code: "unknown_category", status: 404 });
    expect(error.message).toContain("printer-requests");
  });

  it("answers a missing category with a 400", () => {
    expect(appErrorOf(() => categoryFromSlug(null))).toMatchObject({ code: "invalid_input", status: 400 });
  });
});

describe("list query and cancel body", () => {
  it("defaults the view to all and refuses anything but mine or all", () => {
    expect(parseInput(listQuerySchema, {}, "query").view).toBe("all");
    expect(appErrorOf(() => parseInput(listQuerySchema, { view: "everyone" }, "query"))).toMatchObject({ code: "invalid_input" });
  });

  it("refuses unknown fields in a cancel body", () => {
    expect(parseInput(cancelBodySchema, { view: "mine" }, "body").view).toBe("mine");
    expect(appErrorOf(() => parseInput(cancelBodySchema, { view: "mine", url: "/users" }, "body")).code).toBe("invalid_input");
  });
});

describe("bearer tokens, one per API", () => {
  const request = (headers: Record<string, string>) => new Request("http://localhost/api/requests", { headers });

  it("reads the Graph token from Authorization and the ARM token from X-ARM-Authorization, never one for the other", () => {
    const both = request({ authorization: "Bearer graph.token.x", "x-arm-authorization": "Bearer arm.token.y" });
    expect(readUpstreamToken(both, "graph")).toBe("graph.token.x");
    expect(readUpstreamToken(both, "arm")).toBe("arm.token.y");
    expect(appErrorOf(() => readUpstreamToken(request({ authorization: "Bearer graph.token.x" }), "arm"))).toMatchObject({
      code: "unauthenticated",
      upstream: "arm",
    });
  });

  it.each([undefined, "Basic dXNlcjpwYXNz", "Bearer ", "Bearer a b"])("answers %s with 401 unauthenticated", (header) => {
    expect(appErrorOf(() => readUpstreamToken(request(header ? { authorization: header } : {}), "graph"))).toMatchObject({ code: "unauthenticated", status: 401 });
    expect(appErrorOf(() => readUpstreamToken(request(header ? { "x-arm-authorization": header } : {}), "arm"))).toMatchObject({ code: "unauthenticated", status: 401 });
  });
});
