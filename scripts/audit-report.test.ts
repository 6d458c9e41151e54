import { describe, expect, it } from "vitest";
import { readAuditReport } from "./audit-report";

// npm 11's --json output for a machine whose registry refuses the advisory endpoint (seen on these machines).
const UNREACHABLE = JSON.stringify({ message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", method: "POST", statusCode: 405, body: "", error: { summary: "", detail: "" } });

function report(vulnerabilities: Record<string, unknown>, counts: Record<string, number>) {
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts }, dependencies: { prod: 42, dev: 300, total: 342 } },
  });
}

describe("readAuditReport", () => {
  it("calls a refused or missing advisory service 'unreachable', never 'clean'", () => {
    expect(readAuditReport(UNREACHABLE, "moderate")).toEqual({ kind: "unreachable", reason: expect.stringContaining("405 Method Not Allowed") });
    expect(readAuditReport("", "moderate").kind).toBe("unreachable");
    expect(readAuditReport("npm error audit endpoint returned an error", "moderate").kind).toBe("unreachable");
    expect(readAuditReport(JSON.stringify({ error: { code: "ENOTFOUND", summary: "getaddrinfo ENOTFOUND registry.npmjs.org" } }), "low")).toEqual({
      kind: "unreachable",
      reason: "getaddrinfo ENOTFOUND registry.npmjs.org",
    });
  });

  it("reports a clean audit with the production dependency count", () => {
    expect(readAuditReport(report({}, {}), "moderate")).toMatchObject({ kind: "checked", dependencies: 42, findings: [] });
  });

  it("lists the findings at or above the threshold, with the advisory titles or the dependency they come through", () => {
    const vulnerable = report(
      {
        next: { name: "next", severity: "high", via: [{ title: "Cache poisoning" }] },
        "is-odd": { name: "is-odd", severity: "low", via: ["is-number"] },
        postcss: { name: "postcss", severity: "moderate", via: ["nanoid", { title: "Line return parsing" }] },
      },
      { high: 1, low: 1, moderate: 1, total: 3 },
    );
    const checked = readAuditReport(vulnerable, "moderate");
    expect(checked).toMatchObject({ kind: "checked", counts: { high: 1, moderate: 1, low: 1, critical: 0 } });
    expect(checked.kind === "checked" && checked.findings).toEqual([
      { name: "next", severity: "high", title: "Cache poisoning" },
      { name: "postcss", severity: "moderate", title: "via nanoid; Line return parsing" },
    ]);
    const strict = readAuditReport(vulnerable, "low");
    expect(strict.kind === "checked" && strict.findings.map((f) => f.name)).toEqual(["next", "is-odd", "postcss"]);
  });
});
