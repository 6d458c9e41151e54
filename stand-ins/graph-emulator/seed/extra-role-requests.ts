// Generated role requests (categories A, B, E) for large tenants (SeedOptions.extraRequestsPerCollection):
// colleagues and extra users only, so landmarks and Adele's and Megan's own lists stay as seeded. Each generated
// row borrows the target (resource and role) of a hand-written row. Own PRNG stream, so C and D extras are
// unchanged by this file.

import { ADMIN, MEGAN } from "../../demo-tenant";
import type { SeedData } from "../model";
import { GOVERNANCE_SUB_STATUSES, PIM_V3_STATUSES, PRIVILEGED_ROLE_STATUSES } from "../collections/role-request-status";
import { DIRECTORY_ROLE_ASSIGNMENT_ROWS, DIRECTORY_ROLE_ELIGIBILITY_ROWS, directoryRoleRequestRecord } from "./directory-role-seed";
import { GOVERNANCE_REQUEST_ROWS, governanceRequestRecord } from "./governance-request-seed";
import { PRIVILEGED_ROLE_ROWS, privilegedRoleRequestRecord } from "./privileged-role-seed";
import { pick, seededRandom } from "./seed-kit";

const TASKS = ["quarterly review", "incident follow-up", "release weekend", "audit evidence", "migration cover", "customer escalation"];
/** Keeps generated ids apart from the hand-written rows (as in extra-requests.ts). */
const OFFSET = 100_000;

export function generateRoleExtras(seed: SeedData, count: number): void {
  const random = seededRandom(0x5eed_0002);
  const people = seed.users.filter((u) => u.id !== ADMIN.oid && u.id !== MEGAN.oid);
  const ageDays = () => Math.round(random() * 45 * 100) / 100;

  for (let n = 1; n <= count; n++) {
    const template = pick(random, GOVERNANCE_REQUEST_ROWS);
    const subStatus = GOVERNANCE_SUB_STATUSES[n % GOVERNANCE_SUB_STATUSES.length]!;
    const reason = `Generated governance role request ${n}: ${pick(random, TASKS)} as ${template.role}`;
    const row = { resource: template.resource, role: template.role, type: template.type, state: template.state, subStatus, ageDays: ageDays(), reason };
    seed.governanceRoleAssignmentRequests.push(governanceRequestRecord(OFFSET + n, row, pick(random, people).id));
  }

  for (let n = 1; n <= count; n++) {
    const template = pick(random, PRIVILEGED_ROLE_ROWS);
    const status = PRIVILEGED_ROLE_STATUSES[n % PRIVILEGED_ROLE_STATUSES.length]!;
    const reason = `Generated privileged role request ${n}: ${pick(random, TASKS)} as ${template.role}`;
    const row = { role: template.role, type: template.type, status, ageDays: ageDays(), reason };
    seed.privilegedRoleAssignmentRequests.push(privilegedRoleRequestRecord(OFFSET + n, row, pick(random, people).id));
  }

  for (const kind of ["assignment", "eligibility"] as const) {
    const rows = kind === "assignment" ? DIRECTORY_ROLE_ASSIGNMENT_ROWS : DIRECTORY_ROLE_ELIGIBILITY_ROWS;
    const target = kind === "assignment" ? seed.directoryRoleAssignmentScheduleRequests : seed.directoryRoleEligibilityScheduleRequests;
    for (let n = 1; n <= count; n++) {
      const template = pick(random, rows);
      const status = PIM_V3_STATUSES[n % PIM_V3_STATUSES.length]!;
      const justification = `Generated directory role ${kind} request ${n}: ${pick(random, TASKS)} as ${template.role}`;
      const row = { role: template.role, action: template.action, status, ageDays: ageDays(), justification };
      target.push(directoryRoleRequestRecord(kind, OFFSET + n, row, pick(random, people).id));
    }
  }
}
