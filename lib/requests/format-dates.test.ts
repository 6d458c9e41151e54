import { describe, expect, it } from "vitest";
import { formatAbsolute, formatRelative } from "./format-dates";

const NOW = new Date("2026-11-24T12:00:00Z");
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe("formatRelative", () => {
  it.each([
    [0.0001, "just now"],
    [0.5, "12 hours ago"],
    [1.2, "1 day ago"],
    [6.9, "6 days ago"],
    [7.1, "7 days ago"],
    [13.9, "13 days ago"],
    [14.2, "2 weeks ago"],
    [59, "8 weeks ago"],
    [61, "2 months ago"],
    [400, "1 year ago"],
  ])("%s days before now reads as %s", (days, words) => {
    expect(formatRelative(daysBefore(days), NOW)).toBe(words);
  });

  it("never reads an older request as younger than a newer one", () => {
    const words = (days: number) => formatRelative(daysBefore(days), NOW);
    const ages = Array.from({ length: 800 }, (_, i) => i * 0.5);
    const inDays = (label: string) => {
      const [count, unit] = label.split(" ");
      const size = { minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 }[unit!.replace(/s$/, "")] ?? 0;
      return label === "just now" ? 0 : Number(count) * size;
    };
    for (let i = 1; i < ages.length; i++) expect(inDays(words(ages[i]!))).toBeGreaterThanOrEqual(inDays(words(ages[i - 1]!)));
  });

  it("counts forward for future dates and says Unknown for missing or bad ones", () => {
    expect(formatRelative(new Date(NOW.getTime() + 3 * 3_600_000).toISOString(), NOW)).toBe("in 3 hours");
    expect(formatRelative(null, NOW)).toBe("Unknown");
    expect(formatRelative("not a date", NOW)).toBe("Unknown");
    expect(formatAbsolute("not a date")).toBe("Unknown");
  });
});
