import { describe, expect, it } from "vitest";
import { deriveCursorKey } from "./cursor-key";
import { cursorCaller } from "./cursor-caller";
import { CURSOR_TTL_MS, MAX_CURSOR_LENGTH, openCursor, sealCursor, type CursorBinding, type CursorPosition } from "./cursor";

const key = deriveCursorKey("a".repeat(32));
const otherKey = deriveCursorKey("b".repeat(32));
const now = Date.parse("2026-03-01T10:00:00Z");
const binding: CursorBinding = { category: "access-package", view: "mine", caller: "caller-1" };
const position: CursorPosition = { source: 1, paging: [["$skiptoken", "opaque+token/="]] };
const seal = (p: CursorPosition = position, b: CursorBinding = binding) => sealCursor(b, p, { key, now });
const open = (cursor: string, b: CursorBinding = binding, at = now) => () => openCursor(cursor, b, { key, now: at });

function b64json(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

describe("sealed cursors", () => {
  it("opens what it sealed, for the same category, view and caller, until it expires", () => {
    const cursor = seal();
    expect(open(cursor)()).toEqual(position);
    expect(open(cursor, binding, now + CURSOR_TTL_MS - 1)()).toEqual(position);
  });

  it.each([
    ["another category", { ...binding, category: "group-assignment" as const }],
    ["another view", { ...binding, view: "all" as const }],
    ["another caller", { ...binding, caller: "caller-2" }],
  ])("refuses the cursor for %s", (_, other) => {
    expect(open(seal(), other)).toThrow(expect.objectContaining({ code: "invalid_cursor", status: 400 }));
  });

  it("refuses an expired cursor, and one whose expiry lies further ahead than any it issues", () => {
    expect(open(seal(), binding, now + CURSOR_TTL_MS)).toThrow(expect.objectContaining({ code: "invalid_cursor" }));
    expect(open(sealCursor(binding, position, { key, now: now + 60_000 }), binding, now)).toThrow(expect.objectContaining({ code: "invalid_cursor" }));
  });

  it("carries the next of thousands of scopes an Azure admin view lists, and nothing past its bound", () => {
    const far: CursorPosition = { source: 99_999, paging: [] };
    expect(open(seal(far))()).toEqual(far);
    expect(open(seal({ source: 100_000, paging: [] }))).toThrow(expect.objectContaining({ code: "invalid_cursor" }));
  });

  it("refuses a cursor sealed with another key (another deployment, or before a restart with a generated key)", () => {
    expect(() => openCursor(sealCursor(binding, position, { key: otherKey, now }), binding, { key, now })).toThrow(
      expect.objectContaining({ code: "invalid_cursor" }),
    );
  });

  it("refuses every one-character change anywhere in the cursor", () => {
    const cursor = seal();
    for (let i = 0; i < cursor.length; i++) {
      const flipped = cursor.slice(0, i) + (cursor[i] === "A" ? "B" : "A") + cursor.slice(i + 1);
      expect(open(flipped), `character ${i}`).toThrow(expect.objectContaining({ code: "invalid_cursor" }));
    }
  });

  it.each([
    ["the source", { s: 0 }],
    ["the paging options", { p: [["$skiptoken", "another"]] }],
    ["the expiry", { x: now + CURSOR_TTL_MS + 10 * 60_000 }],
    ["a link of its own", { l: "https://evil.example/v1.0/users" }],
  ])("refuses a payload whose %s was rewritten under the old seal", (_, change) => {
    const [payload, mac] = seal().split(".");
    const original = JSON.parse(Buffer.from(payload!, "base64url").toString()) as object;
    expect(open(`${b64json({ ...original, ...change })}.${mac}`)).toThrow(expect.objectContaining({ code: "invalid_cursor" }));
  });

  it("refuses truncated, oversized and malformed cursors", () => {
    const cursor = seal();
    for (const bad of [
      cursor.slice(0, -1),
      cursor.slice(0, cursor.indexOf(".")),
      cursor.slice(0, 10),
      `${cursor}.extra`,
      `${cursor}${"A".repeat(MAX_CURSOR_LENGTH)}`,
      "",
      ".",
      "not a cursor",
      `${b64json({ s: 0, p: [], x: now + 1000 })}.`,
      `${cursor.split(".")[0]}.${"A".repeat(43)}`,
    ]) {
      expect(open(bad), bad.slice(0, 40)).toThrow(expect.objectContaining({ code: "invalid_cursor" }));
    }
  });

  it("opens only paging options, even from a cursor sealed with the right key", () => {
    const smuggled = seal({ source: 0, paging: [["$filter", "true"]] });
    expect(open(smuggled)).toThrow(expect.objectContaining({ code: "invalid_cursor" }));
  });

  it("will not hand out a cursor longer than it would accept back", () => {
    expect(() => seal({ source: 0, paging: [["$skiptoken", "x".repeat(MAX_CURSOR_LENGTH)]] })).toThrow(expect.objectContaining({ code: "upstream_error" }));
  });
});

describe("the caller a cursor is bound to", () => {
  it("is one token: another token, even one carrying the same user's claims, opens none of its cursors", () => {
    const token = `${b64json({ alg: "RS256" })}.${b64json({ tid: "t1", oid: "u1", exp: 1 })}.signature`;
    const sameClaims = `${b64json({ alg: "RS256" })}.${b64json({ tid: "t1", oid: "u1", exp: 1 })}.forged`;
    expect(cursorCaller(token)).toBe(cursorCaller(token));
    expect(cursorCaller(sameClaims)).not.toBe(cursorCaller(token));
    expect(cursorCaller("opaque-1")).not.toBe(cursorCaller("opaque-2"));
  });

  it("closes a cursor to the same user's renewed token: the list starts over rather than trusting a claim", () => {
    const before: CursorBinding = { ...binding, caller: cursorCaller("token-before-renewal") };
    const cursor = seal(position, before);
    expect(open(cursor, before)().paging).toEqual(position.paging);
    expect(open(cursor, { ...before, caller: cursorCaller("token-after-renewal") })).toThrow(expect.objectContaining({ code: "invalid_cursor" }));
  });
});
