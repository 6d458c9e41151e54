import { describe, expect, it } from "vitest";
import { rawRefusal } from "./edge-answers";

describe("rawRefusal", () => {
  it("is a whole HTTP/1.1 answer with the API's JSON error, its length, the API headers and Connection: close", () => {
    const raw = rawRefusal({ code: "method_not_allowed", message: "TRACE is not supported.", allow: "GET, HEAD" });
    const [head, body] = raw.split("\r\n\r\n") as [string, string];
    const lines = head.split("\r\n");
    expect(lines[0]).toBe("HTTP/1.1 405 Method Not Allowed");
    expect(lines).toEqual(expect.arrayContaining([
      "Content-Type: application/json",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Allow: GET, HEAD",
      "Connection: close",
      "Cache-Control: no-store",
      "X-Content-Type-Options: nosniff",
    ]));
    expect(JSON.parse(body)).toMatchObject({ error: { code: "method_not_allowed", message: "TRACE is not supported." } });
  });

  it("takes its status from the error code", () => {
    expect(rawRefusal({ code: "header_too_large", message: "Too big." })).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
  });
});
