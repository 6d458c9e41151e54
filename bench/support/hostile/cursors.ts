// Cursors class: forged cursors (random, the unsealed JSON shape pointing elsewhere, a `$filter` removed, `$top`
// raised, credentials or encoded segments in the link), real ones with a byte flipped, and real ones replayed for
// another category, view or user.

import { GRAPH_EMULATOR_URL } from "../../../scripts/demo-env";
import { bearer, type CaseMaker, type HostileContext, type Rng } from "./types";

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const LIST = "/identityGovernance/entitlementManagement/assignmentRequests";

export function cursorCases(ctx: HostileContext): CaseMaker[] {
  const graph = GRAPH_EMULATOR_URL;
  const oldShape = (link: string, c = "access-package", v = "all") => b64({ c, v, s: 0, l: link });
  const forged: Array<[string, (rng: Rng) => string]> = [
    ["random base64url", (rng) => b64(rng.hex(40))],
    ["empty", () => ""],
    ["not base64", () => "!!!***"],
    ["JSON of the wrong shape", () => b64({ hello: "world" })],
    ["link to another host", () => oldShape("https://evil.test/v1.0/users")],
    ["link to /users", () => oldShape(`${graph}/v1.0/users`)],
    ["link with credentials", () => oldShape(`http://user:pw@${graph.replace("http://", "")}/v1.0${LIST}?$skiptoken=x`)],
    ["$filter removed from a mine link", () => oldShape(`${graph}/v1.0${LIST}?$skiptoken=abc`, "access-package", "mine")],
    ["$top raised", () => oldShape(`${graph}/v1.0${LIST}?$top=999&$skiptoken=abc`)],
    ["$filter on someone else", () => oldShape(`${graph}/v1.0${LIST}?$filter=requestor/objectId eq 'c3f70302-0003-4c80-a122-0000000c0003'`)],
    ["$expand added", () => oldShape(`${graph}/v1.0${LIST}?$expand=*&$skiptoken=abc`)],
    ["encoded path segment", () => oldShape(`${graph}/v1.0${LIST}%2F..%2F..%2F..%2Fusers?$skiptoken=abc`)],
    ["encoded dot-dot into /me", () => oldShape(`${graph}/v1.0${LIST}/..%2F..%2F..%2Fme`)],
    ["javascript: link", () => oldShape("javascript:alert(1)")],
    ["beta link for a v1.0 category", () => oldShape(`${graph}/beta${LIST}?$skiptoken=abc`)],
    ["long cursor (8 KB)", (rng) => b64(rng.hex(6_000))],
    ["huge cursor (100 KB, past the header limit)", (rng) => b64(rng.hex(75_000))],
  ];
  const list = (category: string, view: string, cursor: string) => `/api/requests?category=${category}&view=${view}&cursor=${encodeURIComponent(cursor)}`;
  const makers: CaseMaker[] = forged.map(([label, cursor]): CaseMaker => (rng) => ({
    class: "cursors",
    label: `forged: ${label}`,
    request: { method: "GET", target: list("access-package", rng.pick(["all", "mine"]), cursor(rng)), headers: [bearer(ctx.adminToken)] },
    secrets: [ctx.adminToken],
  }));
  makers.push((rng) => ({
    class: "cursors",
    label: "two cursors",
    request: { method: "GET", target: `/api/requests?category=access-package&view=all&cursor=${b64(rng.hex(8))}&cursor=${b64(rng.hex(8))}`, headers: [bearer(ctx.adminToken)] },
    secrets: [ctx.adminToken],
  }));
  if (ctx.cursors.length > 0) {
    makers.push((rng) => {
      const real = rng.pick(ctx.cursors);
      const bytes = Buffer.from(real.cursor, "base64url");
      const at = rng.int(bytes.length);
      bytes[at] = bytes[at]! ^ (1 << rng.int(8));
      return { class: "cursors", label: "real cursor, one bit flipped", request: { method: "GET", target: list(real.category, real.view, bytes.toString("base64url")), headers: [bearer(ctx.adminToken)] }, secrets: [ctx.adminToken] };
    });
    makers.push((rng) => {
      const real = rng.pick(ctx.cursors);
      const cut = real.cursor.slice(0, Math.max(1, rng.int(real.cursor.length)));
      return { class: "cursors", label: "real cursor, cut short", request: { method: "GET", target: list(real.category, real.view, cut), headers: [bearer(ctx.adminToken)] }, secrets: [ctx.adminToken] };
    });
    makers.push((rng) => {
      const real = rng.pick(ctx.cursors);
      const other = rng.pick(["group-assignment", "privileged-role", "directory-role-assignment"].filter((c) => c !== real.category));
      return { class: "cursors", label: "foreign: another category's cursor", request: { method: "GET", target: list(other, real.view, real.cursor), headers: [bearer(ctx.adminToken)] }, secrets: [ctx.adminToken] };
    });
    makers.push((rng) => {
      const real = rng.pick(ctx.cursors);
      const view = real.view === "all" ? "mine" : "all";
      return { class: "cursors", label: "foreign: the other view's cursor", request: { method: "GET", target: list(real.category, view, real.cursor), headers: [bearer(ctx.adminToken)] }, secrets: [ctx.adminToken] };
    });
    makers.push((rng) => {
      const real = rng.pick(ctx.cursors);
      return { class: "cursors", label: "foreign: the admin's cursor, sent by another user", request: { method: "GET", target: list(real.category, real.view, real.cursor), headers: [bearer(ctx.userToken)] }, secrets: [ctx.userToken] };
    });
  }
  return makers;
}
