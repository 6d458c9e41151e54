import { describe, expect, it } from "vitest";
import { EDGE_ALLOW, refusalForParseError, screenRequest } from "./request-screen";

describe("screenRequest", () => {
  it("lets ordinary page and API requests through", () => {
    expect(screenRequest("GET", "/")).toBeNull();
    expect(screenRequest("GET", "/api/requests?category=group-assignment&view=all&cursor=a%2Bb")).toBeNull();
    expect(screenRequest("POST", "/api/requests/azure-role-assignment/%2Fsubscriptions%2Fabc/cancel")).toBeNull();
    expect(screenRequest("HEAD", "/api/health")).toBeNull();
  });

  it.each(["TRACE", "TRACK", "PROPFIND", "FOO"])("refuses %s with 405 and the methods it takes", (method) => {
    expect(screenRequest(method, "/api/health")).toEqual({ code: "method_not_allowed", message: expect.stringContaining(method), allow: EDGE_ALLOW });
  });

  it.each([
    ["/api/requests/%zz/abc/cancel", "malformed percent-escape"],
    ["/api/requests/%E0%A4%A/x", "malformed percent-escape"],
    ["/api/requests/%C3%28", "not valid UTF-8"],
    ["/api/requests/caf\u00e9", "ASCII"],
    ["/api/requests/a b", "ASCII"],
    ["/api/../etc/passwd", ". or .."],
    ["/api/requests/%2e%2e/health", ". or .."],
    ["/x/%2E/api/health", ". or .."],
    ["http://elsewhere.example/api/health", "must be a path"],
    ["/api/requests\\cancel", "backslash"],
    ["/api//requests", "empty segment"],
    ["/api\\requests?view=all", "backslash"],
  ])("refuses %s as invalid input (%s)", (url, reason) => {
    expect(screenRequest("GET", url)).toEqual({ code: "invalid_input", message: expect.stringContaining(reason) });
  });

  it("answers an API path with a trailing slash with a JSON 404 instead of Next's redirect, and leaves pages to Next", () => {
    expect(screenRequest("GET", "/api/requests/?view=mine")).toEqual({ code: "not_found", message: expect.stringContaining("trailing slash") });
    expect(screenRequest("GET", "/redirect/")).toBeNull();
  });

  it("does not mistake a query's escapes or dotted names for path problems", () => {
    expect(screenRequest("GET", "/api/requests?cursor=%zz&x=..")).toBeNull();
    expect(screenRequest("GET", "/api/requests/.well-known/x..y")).toBeNull();
  });
});

describe("refusalForParseError", () => {
  it("names the header limit in a 431", () => {
    expect(refusalForParseError("HPE_HEADER_OVERFLOW", 32_768)).toEqual({ code: "header_too_large", message: expect.stringContaining("32768 bytes") });
  });

  it("answers an unknown method with 405 and Allow, a timeout with 408, anything else with 400", () => {
    expect(refusalForParseError("HPE_INVALID_METHOD", 1)).toMatchObject({ code: "method_not_allowed", allow: EDGE_ALLOW });
    expect(refusalForParseError("ERR_HTTP_REQUEST_TIMEOUT", 1).code).toBe("request_timeout");
    expect(refusalForParseError("HPE_INVALID_URL", 1).code).toBe("invalid_input");
    expect(refusalForParseError(undefined, 1).code).toBe("invalid_input");
  });
});
