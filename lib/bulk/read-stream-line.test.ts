import { describe, expect, it } from "vitest";
import { DONE_LINE, readStreamLine } from "./read-stream-line";

describe("readStreamLine", () => {
  it("reads outcome and done lines and ignores start and broken ones", () => {
    const line = { type: "outcome", category: "access-package", id: "a", outcome: "cancelled", message: "ok", attempts: 1, at: "2026-11-24T10:00:00Z" };
    expect(readStreamLine(JSON.stringify(line))).toEqual(line);
    expect(readStreamLine('{"type":"start","total":3}')).toBeNull();
    expect(readStreamLine(JSON.stringify({ ...line, outcome: "exploded" }))).toBeNull();
    expect(readStreamLine("{not json")).toBeNull();
    expect(readStreamLine(JSON.stringify({ type: "done", counts: {}, graphRoundTrips: 1, ms: 5 }))).toBe(DONE_LINE);
  });
});
