import { describe, expect, it } from "vitest";
import { retirementLabel } from "@/lib/requests/format-dates";
import { AppError } from "@/lib/errors/app-error";
import { feedState } from "@/lib/queries/use-request-queue";
import { categorySummaries } from "./registry";

// The retired and deprecated APIs (PIM v1, PIM v2): how their lists and chips read.
const summaries = categorySummaries();
const pimV1 = summaries.find((c) => c.slug === "privileged-role")!;
const pimV2 = summaries.find((c) => c.slug === "governance-role")!;
const open = { available: true };

describe("a retired category's list", () => {
  it("reads as retired when Graph answers with nothing, as the retired service does", () => {
    expect(feedState(pimV1, open, "success", [], null)).toBe("retired");
  });

  it("reads as retired when its endpoint is gone (not found)", () => {
    expect(feedState(pimV1, open, "error", [], new AppError("not_found", "gone"))).toBe("retired");
  });

  it("reads as retired, not as a permission to ask for, when the tenant never granted an API past its retirement", () => {
    const refused = { available: false, message: "not granted" };
    const afterPimV2 = new Date("2026-11-01T12:00:00Z");
    expect(feedState(pimV1, refused, "error", [], null, afterPimV2)).toBe("retired");
    expect(feedState(pimV2, refused, "error", [], null, afterPimV2)).toBe("retired");
    // Before its day, PIM v2 still answers: a refusal is a permission to grant.
    expect(feedState(pimV2, refused, "error", [], null, new Date("2026-10-27T23:00:00Z"))).toBe("refused");
    const live = summaries.find((c) => c.slug === "group-assignment")!;
    expect(feedState(live, refused, "error", [], null, afterPimV2)).toBe("refused");
  });

  it.each(["upstream_error", "upstream_unavailable", "throttled"] as const)("reads a %s as a failure to retry, not as retired", (code) => {
    expect(feedState(pimV1, open, "error", [], new AppError(code, "Graph failed"))).toBe("error");
    expect(feedState(pimV2, open, "error", [], new AppError(code, "Graph failed"))).toBe("error");
  });
});

describe("a retired category's chip", () => {
  it("gives PIM v1's retirement date, long past, whether or not Graph still sends rows", () => {
    expect(retirementLabel(pimV1.retirement!.date, new Date("2026-11-24T12:00:00Z"))).toBe("retired 31 May 2021");
  });

  it("says PIM v2 retires on 28 Oct 2026 before that day, and retired from that day on", () => {
    expect(retirementLabel(pimV2.retirement!.date, new Date("2026-10-27T23:59:59Z"))).toBe("retires 28 Oct 2026");
    expect(retirementLabel(pimV2.retirement!.date, new Date("2026-10-28T00:00:00Z"))).toBe("retired 28 Oct 2026");
    expect(retirementLabel(pimV2.retirement!.date, new Date("2026-11-24T12:00:00Z"))).toBe("retired 28 Oct 2026");
  });
});
