// Paths class: malformed percent-escapes, `..` in every spelling, raw non-ASCII bytes, encoded slashes and
// backslashes, and /api paths that do not exist. Sent with a real token, so nothing stops at the sign-in check.

import { bearer, type CaseMaker, type HostileContext, JSON_TYPE } from "./types";

type Target = string | Buffer;

const raw = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

export function pathCases(ctx: HostileContext): CaseMaker[] {
  const targets: Array<[string, string, (id: string) => Target]> = [
    // [label, method, target]
    ["bad escape in category", "POST", (id) => `/api/requests/%zz/${id}/cancel`],
    ["bad escape in id", "POST", (id) => `/api/requests/access-package/${id}%zz/cancel`],
    ["truncated escape", "POST", () => "/api/requests/access-package/abc%/cancel"],
    ["truncated UTF-8 escape", "POST", () => "/api/requests/access-package/%E0%A4%A/cancel"],
    ["overlong UTF-8 slash", "POST", () => "/api/requests/access-package/%C0%AF%C0%AF/cancel"],
    ["escaped NUL", "POST", (id) => `/api/requests/access-package/${id}%00/cancel`],
    ["bad escape in query", "GET", () => "/api/requests?category=%zz&view=all"],
    ["bad escape in query value", "GET", () => "/api/requests?category=access-package&view=all&cursor=%E0%A4%A"],
    ["bad escape under /api", "GET", () => "/api/%"],
    ["dot-dot to another route", "GET", () => "/api/requests/../access"],
    ["dot-dot out of /api", "GET", () => "/api/../api/health"],
    ["dot-dot deep", "POST", () => "/api/requests/access-package/../../../../etc/passwd/cancel"],
    ["encoded dot-dot", "GET", () => "/api/requests/%2e%2e/access"],
    ["encoded dot-dot in id", "POST", () => "/api/requests/access-package/..%2f..%2fusers/cancel"],
    ["double-encoded dot-dot", "POST", () => "/api/requests/access-package/%252e%252e%252fusers/cancel"],
    ["dot segment", "GET", () => "/api/./health"],
    ["raw UTF-8 in id", "POST", (id) => raw(`/api/requests/access-package/${id}`, [0xc3, 0xa9], "/cancel")],
    ["raw Latin-1 byte", "POST", () => raw("/api/requests/access-package/abc", [0xff], "/cancel")],
    ["raw UTF-8 in category", "GET", () => raw("/api/requests?category=acc", [0xe2, 0x82, 0xac], "ss&view=all")],
    ["raw bytes under /api", "GET", () => raw("/api/", [0xf0, 0x9f, 0x92, 0xa9])],
    ["encoded slash in id", "POST", (id) => `/api/requests/access-package/${id}%2Fcancel/cancel`],
    ["encoded slash to users", "POST", () => "/api/requests/access-package/abc%2F..%2F..%2F..%2Fusers/cancel"],
    ["encoded backslash", "POST", () => "/api/requests/access-package/abc%5C..%5Cusers/cancel"],
    ["PIM v2 id with encoded slash", "POST", (id) => `/api/requests/governance-role/aadRoles_${id}%2F..%2Fresources/cancel`],
    ["Azure id with encoded slashes", "POST", (id) => `/api/requests/azure-role-assignment/subscriptions%2F..%2F..%2Fproviders%2Fx%2F${id}/cancel`],
    ["backslash path", "GET", () => "/api\\requests?category=access-package&view=all"],
    ["unknown /api path", "GET", (id) => `/api/${id}`],
    ["unknown /api path POST", "POST", (id) => `/api/admin/${id}`],
    ["category without id", "GET", () => "/api/requests/access-package"],
    ["id without cancel", "GET", (id) => `/api/requests/access-package/${id}`],
    ["unknown action", "POST", (id) => `/api/requests/access-package/${id}/approve`],
    ["extra segment after cancel", "POST", () => "/api/requests/cancel/extra"],
    ["trailing slash", "GET", () => "/api/requests/?category=access-package&view=all"],
    ["double slash", "GET", () => "/api//requests?category=access-package&view=all"],
    ["bare /api", "GET", () => "/api"],
    ["semicolon path parameter", "GET", () => "/api/health;x=1"],
    ["absolute-form target", "GET", () => "http://evil.test/api/health"],
    ["asterisk target", "GET", () => "*"],
    ["repeated query parameters", "GET", () => "/api/requests?category=access-package&category=group-assignment&view=all&view=mine"],
    ["bracket query parameters", "GET", () => "/api/requests?category[]=access-package&view[x]=all"],
    ["long query", "GET", (id) => `/api/requests?category=access-package&view=all&${id}=${"q".repeat(6000)}`],
  ];
  return targets.map(
    ([label, method, target]): CaseMaker =>
      (rng) => ({
        class: "paths",
        label,
        request: {
          method,
          target: target(rng.guid()),
          headers: method === "POST" ? [bearer(ctx.adminToken), JSON_TYPE] : [bearer(ctx.adminToken)],
          body: method === "POST" ? "{}" : undefined,
        },
        secrets: [ctx.adminToken],
      }),
  );
}
