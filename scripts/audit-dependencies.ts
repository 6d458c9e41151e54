// `npm run audit`: the production dependencies (what ships: `npm audit --omit=dev`) checked against the npm advisory
// service. The service is a separate endpoint from the package registry (POST …/-/npm/v1/security/advisories/bulk):
// a machine that can install packages may still be unable to audit them (these development machines answer 405
// there), and `npm audit` then prints "audit endpoint returned an error", which reads like a finding. This script
// tells the three outcomes apart, so that "not checked" is never mistaken for "clean".
//   exit 0  checked, nothing at or above the threshold (AUDIT_LEVEL, default "moderate")
//   exit 1  checked, vulnerabilities at or above the threshold (listed)
//   exit 2  NOT checked: the advisory service could not be reached or answered something else

import { spawnSync } from "node:child_process";
import { readAuditReport, SEVERITIES, type Severity } from "./audit-report";

const threshold = (process.env.AUDIT_LEVEL ?? "moderate") as Severity;
if (!SEVERITIES.includes(threshold)) {
  console.error(`AUDIT_LEVEL must be one of ${SEVERITIES.join(", ")}; got "${threshold}".`);
  process.exit(2);
}

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
const report = readAuditReport(run.stdout, threshold);

switch (report.kind) {
  case "unreachable":
    console.error(`NOT CHECKED: the npm advisory service could not be reached from this machine (${report.reason}).`);
    console.error("Run `npm run audit` where registry.npmjs.org's audit endpoint is reachable (a CI runner with internet, a workstation).");
    process.exit(2);
  case "checked":
    console.log(`Checked ${report.dependencies} production dependencies against the npm advisory service.`);
    console.log(`Vulnerabilities: ${SEVERITIES.map((s) => `${s} ${report.counts[s]}`).join(", ")}.`);
    for (const finding of report.findings) console.log(`  ${finding.severity.padEnd(8)} ${finding.name}: ${finding.title}`);
    if (report.findings.length > 0) {
      console.error(`${report.findings.length} package(s) at or above "${threshold}": update them (npm update <name>, then pin the new version).`);
      process.exit(1);
    }
    console.log(`Nothing at or above "${threshold}".`);
}
