// Reads `npm audit --json` (report version 2, npm 7 and later) into one of two outcomes: checked (with the findings at
// or above a threshold) or unreachable. Anything that is not a report is "unreachable": the point is never to print
// "0 vulnerabilities" for an audit that did not happen.
import { z } from "zod";

export const SEVERITIES = ["info", "low", "moderate", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

const reportSchema = z.object({
  auditReportVersion: z.literal(2),
  vulnerabilities: z.record(
    z.string(),
    z.object({
      name: z.string(),
      severity: z.enum(SEVERITIES),
      // Either advisories (with a title) or the names of the dependencies that carry one.
      via: z.array(z.union([z.string(), z.object({ title: z.string().optional() }).loose()])),
    }).loose(),
  ),
  metadata: z.object({
    vulnerabilities: z.record(z.string(), z.number()),
    dependencies: z.object({ total: z.number().optional(), prod: z.number().optional() }).loose(),
  }).loose(),
}).loose();

export interface AuditFinding {
  name: string;
  severity: Severity;
  title: string;
}

export type AuditReport =
  | { kind: "checked"; dependencies: number; counts: Record<Severity, number>; findings: AuditFinding[] }
  | { kind: "unreachable"; reason: string };

export function readAuditReport(stdout: string, threshold: Severity): AuditReport {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { kind: "unreachable", reason: stdout.trim() ? "npm printed no audit report" : "npm printed nothing" };
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) return { kind: "unreachable", reason: failureReason(json) };
  const { vulnerabilities, metadata } = parsed.data;
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, metadata.vulnerabilities[s] ?? 0])) as Record<Severity, number>;
  const floor = SEVERITIES.indexOf(threshold);
  const findings = Object.values(vulnerabilities)
    .filter((v) => SEVERITIES.indexOf(v.severity) >= floor)
    .map((v) => ({ name: v.name, severity: v.severity, title: v.via.map((via) => (typeof via === "string" ? `via ${via}` : (via.title ?? "advisory"))).join("; ") }));
  return { kind: "checked", dependencies: metadata.dependencies.prod ?? metadata.dependencies.total ?? 0, counts, findings };
}

/** npm's own words for a failed audit: `{ message, statusCode }` or `{ error: { code, summary } }`. */
function failureReason(json: unknown): string {
  const failure = z
    .object({ message: z.string().optional(), statusCode: z.number().optional(), error: z.object({ code: z.string().nullish(), summary: z.string().nullish() }).loose().optional() })
    .loose()
    .safeParse(json);
  if (!failure.success) return "npm printed something that is not an audit report";
  const { message, error } = failure.data;
  return message || error?.summary || error?.code || "npm printed something that is not an audit report";
}
