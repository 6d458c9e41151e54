// Cursors class: forged cursors (random, the unsealed JSON shape pointing elsewhere, a `$filter` removed, `$top`
// raised, credentials or encoded segments in the link), real ones with a byte flipped, and real ones replayed for
// another category, view or user.

import { GRAPH_EMULATOR_URL } from "../../../scripts/demo-env";
import { bearer, type CaseMaker, type HostileContext, type Rng } from "./types";

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const LIST = "/identityGovernance/entitlementManagement/assignmentRequests";

export function cursorCases(ctx: HostileContext): CaseMaker[] {
  const graph = GRAPH_EMULATOR_URL;
  // The shape cursors had before they were sealed: base64url JSON of category, view, step and Graph's next link.
  const oldShape = (link: string, v: string, c = "access-package") => b64({ c, v, s: 0, l: link });
  const forged: Array<[string, (rng: Rng, view: string) => string]> = [
    ["random base64url", (rng) => b64(rng.hex(40))],
    ["empty", () => ""],
    ["not base64", () => "!!!***"],
    ["JSON of the wrong shape", () => b64({ hello: "world" })],
    ["link to another host", (_, v) => oldShape("https://evil.test/v1.0/users", v)],
    ["link to /users", (_, v) => oldShape(`${graph}/v1.0/users`, v)],
    ["link with credentials", (_, v) => oldShape(`http://user:pw@${graph.replace("http://", "")}/v1.0${LIST}?$skiptoken=x`, v)],
    ["$filter removed from a mine link", (_, v) => oldShape(`${graph}/v1.0${LIST}?$skiptoken=abc`, v)],
    ["$top raised", (_, v) => oldShape(`${graph}/v1.0${LIST}?$top=999&$skiptoken=abc`, v)],
    ["$filter on someone else", (_, v) => oldShape(`${graph}/v1.0${LIST}?$filter=requestor/objectId eq 'c3f70302-0003-4c80-a122-0000000c0003'`, v)],
    ["$expand added", (_, v) => oldShape(`${graph}/v1.0${LIST}?$expand=*&$skiptoken=abc`, v)],
    ["encoded path segment", (_, v) => oldShape(`${graph}/v1.0${LIST}%2F..%2F..%2F..%2Fusers?$skiptoken=abc`, v)],
    ["encoded dot-dot into /me", (_, v) => oldShape(`${graph}/v1.0${LIST}/..%2F..%2F..%2Fme`, v)],
    ["javascript: link", (_, v) => oldShape("javascript:alert(1)", v)],
    ["beta link for a v1.0 category", (_, v) => oldShape(`${graph}/beta${LIST}?$skiptoken=abc`, v)],
    ["long cursor (8 KB)", (rng) => b64(rng.hex(6_000))],
    ["huge cursor (100 KB, past the header limit)", (rng) => b64(rng.hex(75_000))],
  ];
  const list = (category: string, view: string, cursor: string) => `/api/requests?category=${category}&view=${view}&cursor=${encodeURIComponent(cursor)}`;
  const makers: CaseMaker[] = forged.map(([label, cursor]): CaseMaker => (rng) => {
    // The "mine" forgery is the one that matters: a cursor that drops the filter on the caller.
    const view = label.includes("mine") ? "mine" : rng.pick(["all", "mine"]);
    return {
      class: "cursors",
      label: `forged: ${label}`,
      request: { method: "GET", target: list("access-package", view, cursor(rng, view)), headers: [bearer(ctx.adminToken)] },
      secrets: [ctx.adminToken],
    };
  });
  // Forgeries aimed at what the unsealed cursor did not check: the query of a link on the right path. PIM v2's "mine"
  // list filters on the caller (source 1 is the Entra roles provider); the forged link drops that filter.
  const pimMine = `${graph}/beta/privilegedAccess/aadroles/roleAssignmentRequests`;
  const onTarget: Array<[string, string, string, string]> = [
    ["PIM v2 mine link without the caller's $filter", "governance-role", "mine", `${pimMine}?$expand=roleDefinition,subject,resource`],
    ["PIM v2 mine link with someone else's $filter", "governance-role", "mine", `${pimMine}?$filter=subjectId eq 'c3f70302-0003-4c80-a122-0000000c0003'`],
    ["$top raised on the right path", "access-package", "all", `${graph}/v1.0${LIST}?$expand=accessPackage,requestor&$top=999`],
    ["$select narrowed on the right path", "access-package", "all", `${graph}/v1.0${LIST}?$select=id`],
    ["path escaped into the same path", "access-package", "all", `${graph}/v1.0/identityGovernance/entitlementManagement/%61ssignmentRequests?$expand=accessPackage,requestor`],
  ];
  for (const [label, category, view, link] of onTarget) {
    makers.push(() => ({
      class: "cursors",
      label: `forged: ${label}`,
      request: { method: "GET", target: list(category, view, b64({ c: category, v: view, s: category === "governance-role" ? 1 : 0, l: link })), headers: [bearer(ctx.adminToken)] },
      secrets: [ctx.adminToken],
    }));
  }
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
