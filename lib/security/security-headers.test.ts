import { describe, expect, it } from "vitest";
import { securityHeadersFor } from "./security-headers";

describe("securityHeadersFor", () => {
  it("gives API answers no-store and the strict API policy", () => {
    expect(securityHeadersFor("/api/requests")).toMatchObject({ "Cache-Control": "no-store", "X-Frame-Options": "DENY", "Strict-Transport-Security": expect.any(String) });
  });

  it("gives pages the document policies", () => {
    expect(securityHeadersFor("/")).toMatchObject({ "Permissions-Policy": expect.any(String), "Cross-Origin-Opener-Policy": "same-origin" });
    expect(securityHeadersFor("/")).not.toHaveProperty("Cache-Control");
  });

  it("gives Next's build files only nosniff", () => {
    expect(securityHeadersFor("/_next/static/chunks/app.js")).toEqual({ "X-Content-Type-Options": "nosniff" });
  });
});
