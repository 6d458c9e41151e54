import { describe, expect, it } from "vitest";
import { readOutcomeLine } from "./read-outcome-line";

describe("readOutcomeLine", () => {
  it("reads an outcome line and ignores start, done and broken lines", () => {
    const line = { type: "outcome", category: "access-package", id: "a", outcome: "cancelled", message: "ok", attempts: 1, at: "2026-11-24T10:00:00Z" };
    expect(readOutcomeLine(JSON.stringify(line))).toEqual(line);
    expect(readOutcomeLine('{"type":"start","total":3}')).toBeNull();
    expect(readOutcomeLine(JSON.stringify({ ...line, outcome: "exploded" }))).toBeNull();
    expect(readOutcomeLine("{not json")).toBeNull();
  });
});
