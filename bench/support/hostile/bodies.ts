// Bodies class: broken JSON, deep nesting, bodies over the cap, wrong types, ids that belong to someone else,
// and the wrong Content-Type, on both cancel routes.

import { bearer, type CaseMaker, type HostileContext, json, JSON_TYPE, type Rng } from "./types";

const SINGLE = (rng: Rng) => `/api/requests/access-package/${rng.guid()}/cancel`;
const BULK = () => "/api/requests/cancel";

export function bodyCases(ctx: HostileContext): CaseMaker[] {
  const deepArray = "[".repeat(100_000) + "]".repeat(100_000);
  const deepObject = '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000);
  const bigItems = (n: number, rng: Rng) => json({ items: Array.from({ length: n }, () => ({ category: "access-package", id: rng.guid() })), view: "all" });
  type Header = readonly [string, string];
  const bodies: Array<[label: string, body: (rng: Rng) => string | Buffer, type?: Header]> = [
    ["broken JSON", () => "{not json"],
    ["unterminated array", () => "["],
    ["lone quote", () => '"'],
    ["trailing comma", () => '{"view":"all",}'],
    ["byte-order mark", () => '\ufeff{"view":"all"}'],
    ["NUL bytes", () => Buffer.from([0x7b, 0x00, 0x00, 0x7d])],
    ["invalid UTF-8", () => Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])],
    ["deeply nested array", () => deepArray],
    ["deeply nested object", () => deepObject],
    ["body over the cap (2 MiB)", () => json({ items: [], pad: "x".repeat(2 * 1024 * 1024) })],
    ["1,001 items", (rng) => bigItems(1001, rng)],
    ["items not an array", () => json({ items: "all of them" })],
    ["item of wrong types", () => json({ items: [{ category: 1, id: null }] })],
    ["view a number", () => json({ view: 123, items: [] })],
    ["view unknown", () => json({ view: "everyone" })],
    ["__proto__ key", () => '{"__proto__":{"isAdmin":true},"view":"all"}'],
    ["constructor key", () => json({ constructor: { prototype: { polluted: true } }, view: "all" })],
    ["huge number", () => '{"view":1e999}'],
    ["JSON null", () => "null"],
    ["JSON array", () => "[]"],
    ["JSON string", () => '"all"'],
    ["hostile ids in bulk", () => json({ items: [{ category: "governance-role", id: "aadRoles_x/../../users" }, { category: "access-package", id: "..%2Fusers" }, { category: "azure-role-assignment", id: "subscriptions/../providers" }] })],
    ["unknown category in bulk", (rng) => json({ items: [{ category: "printer-requests", id: rng.guid() }] })],
    ["duplicate items", (rng) => { const id = rng.guid(); return json({ items: Array.from({ length: 50 }, () => ({ category: "access-package", id })) }); }],
    ["text/plain", () => json({ view: "all" }), ["Content-Type", "text/plain"]],
    ["form-encoded", () => "view=all", ["Content-Type", "application/x-www-form-urlencoded"]],
    ["multipart", () => "--x\r\nContent-Disposition: form-data; name=view\r\n\r\nall\r\n--x--", ["Content-Type", "multipart/form-data; boundary=x"]],
    ["JSON as UTF-16", () => Buffer.from(json({ view: "all" }), "utf16le"), ["Content-Type", "application/json; charset=utf-16"]],
    ["look-alike type", () => json({ view: "all" }), ["Content-Type", "application/jsonx"]],
  ];
  const makers: CaseMaker[] = bodies.flatMap(([label, body, type]) =>
    [SINGLE, BULK].map(
      (target): CaseMaker =>
        (rng) => ({
          class: "bodies",
          label: `${label} → ${target === BULK ? "bulk" : "single"} cancel`,
          request: { method: "POST", target: target(rng), headers: [bearer(ctx.adminToken), type ?? JSON_TYPE], body: body(rng) },
          secrets: [ctx.adminToken],
        }),
    ),
  );
  // Someone else's requests, as a user with no admin role: Graph must refuse, and the answer must say so in JSON.
  for (const view of ["mine", "all"]) {
    makers.push((rng) => {
      const foreign = rng.pick(ctx.foreignIds);
      return {
        class: "bodies",
        label: `another user's request, view ${view} → single cancel`,
        request: { method: "POST", target: `/api/requests/${foreign.category}/${foreign.id}/cancel`, headers: [bearer(ctx.userToken), JSON_TYPE], body: json({ view }) },
        secrets: [ctx.userToken],
      };
    });
    makers.push((rng) => ({
      class: "bodies",
      label: `another user's requests, view ${view} → bulk cancel`,
      request: {
        method: "POST",
        target: BULK(),
        headers: [bearer(ctx.userToken), JSON_TYPE],
        body: json({ items: Array.from({ length: 5 }, () => rng.pick(ctx.foreignIds)), view }),
      },
      secrets: [ctx.userToken],
    }));
  }
  return makers;
}
