import { describe, expect, it } from "vitest";
import { ARM_CATEGORY_SLUGS, CATEGORY_SLUGS, upstreamOf } from "@/lib/requests/pending-request";
import { ARM_CATEGORIES_UNDER_TEST, CATEGORIES_UNDER_TEST } from "../../e2e/support/categories";
import { CATEGORY_REGISTRY, categorySummaries, registeredSlugs } from "./registry";

// The registry is the one list of categories. The lists the browser and the end-to-end tests keep for themselves
// (the browser does not load the registry's schemas) must say the same, or a category goes missing somewhere.
describe("the category registry as the one list", () => {
  it("is what the browser's slug list says", () => {
    expect([...CATEGORY_SLUGS].sort()).toEqual(registeredSlugs().sort());
  });

  it("tells the browser which API each category lives in", () => {
    expect([...ARM_CATEGORY_SLUGS].sort()).toEqual(CATEGORY_REGISTRY.filter((c) => c.upstream === "arm").map((c) => c.summary.slug).sort());
    for (const summary of categorySummaries()) expect(upstreamOf(summary.slug), summary.slug).toBe(summary.upstream);
  });

  it("has every category covered by the end-to-end tests", () => {
    const covered = [...CATEGORIES_UNDER_TEST.map((c) => c.slug), ...ARM_CATEGORIES_UNDER_TEST.map((c) => c.slug)];
    expect(covered.sort()).toEqual(registeredSlugs().sort());
  });

  it("names each slug once, and each category's successors exist", () => {
    expect(new Set(registeredSlugs()).size).toBe(CATEGORY_REGISTRY.length);
    for (const summary of categorySummaries()) {
      for (const successor of summary.retirement?.successors ?? []) expect(registeredSlugs()).toContain(successor);
    }
  });
});
