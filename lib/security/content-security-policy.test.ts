import { describe, expect, it } from "vitest";
import { newNonce, pageContentSecurityPolicy } from "./content-security-policy";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

const base = {
  nonce: "bm9uY2U=",
  identityProviderUrls: ["https://login.microsoftonline.com/contoso.onmicrosoft.com", "https://login.microsoftonline.com", undefined],
  frameableBySelf: false,
  development: false,
};

describe("pageContentSecurityPolicy", () => {
  it("allows scripts only through this page's nonce, never inline or eval", () => {
    const scripts = directives(pageContentSecurityPolicy(base)).get("script-src");
    expect(scripts).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
  });

  it("lets the browser reach only the app and the identity provider's origin, once", () => {
    const policy = directives(pageContentSecurityPolicy(base));
    expect(policy.get("connect-src")).toEqual(["'self'", "https://login.microsoftonline.com"]);
    expect(policy.get("frame-src")).toEqual(["'self'", "https://login.microsoftonline.com"]);
  });

  it("lets only the redirect bridge be framed, and only by the app", () => {
    expect(directives(pageContentSecurityPolicy(base)).get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives(pageContentSecurityPolicy({ ...base, frameableBySelf: true })).get("frame-ancestors")).toEqual(["'self'"]);
  });

  it("shuts plugins and base-tag tricks out", () => {
    const policy = directives(pageContentSecurityPolicy(base));
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
  });

  it("adds 'unsafe-eval' only for next dev", () => {
    expect(pageContentSecurityPolicy(base)).not.toContain("unsafe-eval");
    expect(directives(pageContentSecurityPolicy({ ...base, development: true })).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is 128 bits of base64 and different each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
