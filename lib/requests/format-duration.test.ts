import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it.each([
    ["PT8H", "8 hours"],
    ["PT1H30M", "1 hour 30 minutes"],
    ["P1DT12H", "1 day 12 hours"],
    ["P30D", "30 days"],
    ["P1Y2M", "1 year 2 months"],
    ["PT5H", "5 hours"],
  ])("%s reads as %s", (iso, words) => {
    expect(formatDuration(iso)).toBe(words);
  });

  it("gives nothing for a missing or non-ISO value (PIM v1 sends plain numbers)", () => {
    expect(formatDuration(null)).toBeNull();
    expect(formatDuration("2")).toBeNull();
  });
});
