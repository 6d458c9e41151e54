// Generated requests for large tenants (SeedOptions.extraRequestsPerCollection): colleagues and extra users only,
// so the landmark requests and Adele's and Megan's own lists stay exactly as seeded. Deterministic (seeded PRNG).

import { ADMIN, MEGAN } from "../../demo-tenant";
import type { SeedData } from "../model";
import { ACCESS_PACKAGE_STATUSES, type AccessPackageStatus } from "../collections/access-package-status";
import { accessPackageRequestRecord } from "./access-package-seed";
import { subjectIdFor } from "./directory-seed";
import { groupRequestRecord } from "./group-request-seed";
import { pick, seededRandom } from "./seed-kit";

const PIM_STATUSES = [
  "PendingApproval",
  "PendingAdminDecision",
  "Granted",
  "PendingProvisioning",
  "PendingScheduleCreation",
  "Provisioned",
  "Canceled",
  "Denied",
  "Failed",
  "Revoked",
  "ScheduleCreated",
];
const TASKS = ["quarterly review", "incident follow-up", "release weekend", "audit evidence", "migration cover", "customer escalation"];

export function generateExtras(seed: SeedData, count: number): void {
  const random = seededRandom(0x5eed_0001);
  const people = seed.users.filter((u) => u.id !== ADMIN.oid && u.id !== MEGAN.oid);
  // Security groups only, as before the Microsoft 365 group was seeded: the generated tenant (and every benchmark
  // run on it) stays the same request for request.
  const securityGroups = seed.groups.filter((g) => g.securityEnabled);
  const ageDays = () => Math.round(random() * 45 * 100) / 100;

  for (const kind of ["assignment", "eligibility"] as const) {
    const target = kind === "assignment" ? seed.groupAssignmentScheduleRequests : seed.groupEligibilityScheduleRequests;
    for (let n = 1; n <= count; n++) {
      const group = pick(random, securityGroups);
      const person = pick(random, people);
      const status = PIM_STATUSES[n % PIM_STATUSES.length]!;
      const action = kind === "assignment" ? "selfActivate" : pick(random, ["selfExtend", "adminAssign"]);
      const justification = `Generated ${kind} request ${n}: ${pick(random, TASKS)} in ${group.displayName}`;
      // Index offset 100000 keeps generated ids apart from the hand-written rows.
      target.push(groupRequestRecord(kind, 100_000 + n, { status, action, ageDays: ageDays(), justification }, person.id, group));
    }
  }

  const statuses = Object.keys(ACCESS_PACKAGE_STATUSES) as AccessPackageStatus[];
  for (let n = 1; n <= count; n++) {
    const accessPackage = pick(random, seed.accessPackages);
    const person = pick(random, people);
    const justification = `Generated access package request ${n}: ${pick(random, TASKS)} with ${accessPackage.displayName}`;
    const record = accessPackageRequestRecord(
      100_000 + n,
      { accessPackage: "generated", status: statuses[n % statuses.length]!, requestType: "userAdd", ageDays: ageDays(), justification },
      { oid: person.id, subjectId: subjectIdFor(person.id) },
    );
    seed.accessPackageAssignmentRequests.push({ ...record, accessPackageId: accessPackage.id });
  }
}
