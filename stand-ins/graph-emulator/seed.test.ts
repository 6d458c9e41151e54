import { describe, expect, it } from "vitest";

import { ADMIN, LEE, MEGAN } from "../demo-tenant";
import { CANCELLABLE_ACCESS_PACKAGE_STATUSES, type AccessPackageStatus } from "./collections/access-package-status";
import { CANCELLABLE_PIM_GROUP_STATUSES } from "./collections/group-requests";
import {
  CANCELLABLE_DIRECTORY_ROLE_STATUSES,
  CANCELLABLE_GOVERNANCE_SUB_STATUSES,
  CANCELLABLE_PRIVILEGED_ROLE_STATUSES,
  CLOSED_GOVERNANCE_SUB_STATUSES,
  FINAL_DIRECTORY_ROLE_STATUSES,
  FINAL_PRIVILEGED_ROLE_STATUSES,
  GOVERNANCE_SUB_STATUSES,
  PRIVILEGED_ROLE_STATUSES,
} from "./collections/role-request-status";
import { buildSeed, SEED_LANDMARKS, SEED_REFERENCE_DATE } from "./seed";
import { FINAL_PIM_STATUSES } from "./seed/group-request-seed";

const PIM_STATUSES = ["PendingApproval", "PendingAdminDecision", "Granted", "PendingProvisioning", "PendingScheduleCreation", "Provisioned", "Canceled", "Denied", "Failed", "Revoked", "ScheduleCreated"];
const AP_STATUSES = ["Accepted", "PendingApproval", "PendingNotBefore", "PendingApprovalEscalated", "Delivering", "Delivered", "DeliveryFailed", "Denied", "Canceled", "PartiallyDelivered"];

describe("the seeded tenant", () => {
  it("is deterministic, including generated extras", () => {
    expect(buildSeed({ extraRequestsPerCollection: 25, extraUsers: 5 })).toEqual(buildSeed({ extraRequestsPerCollection: 25, extraUsers: 5 }));
  });

  it("holds requests in every status for both PIM for Groups collections and for access packages", () => {
    const seed = buildSeed();
    expect(new Set(seed.groupAssignmentScheduleRequests.map((r) => r.status))).toEqual(new Set(PIM_STATUSES));
    expect(new Set(seed.groupEligibilityScheduleRequests.map((r) => r.status))).toEqual(new Set(PIM_STATUSES));
    expect(new Set(seed.accessPackageAssignmentRequests.map((r) => r.status))).toEqual(new Set(AP_STATUSES));
  });

  it("gives Adele and Megan several cancellable and several final requests in each collection", () => {
    const seed = buildSeed();
    const targetOid = (subjectId: string) => seed.subjects.find((s) => s.id === subjectId)?.objectId;
    for (const oid of [ADMIN.oid, MEGAN.oid]) {
      for (const requests of [seed.groupAssignmentScheduleRequests, seed.groupEligibilityScheduleRequests]) {
        const mine = requests.filter((r) => r.principalId === oid);
        expect(mine.filter((r) => CANCELLABLE_PIM_GROUP_STATUSES.includes(r.status)).length).toBeGreaterThanOrEqual(2);
        expect(mine.filter((r) => !CANCELLABLE_PIM_GROUP_STATUSES.includes(r.status)).length).toBeGreaterThanOrEqual(2);
      }
      const packages = seed.accessPackageAssignmentRequests.filter((r) => targetOid(r.targetSubjectId) === oid);
      const cancellable = (r: { status: string }) => CANCELLABLE_ACCESS_PACKAGE_STATUSES.includes(r.status as AccessPackageStatus);
      expect(packages.filter(cancellable).length).toBeGreaterThanOrEqual(2);
      expect(packages.filter((r) => !cancellable(r)).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("has unique ids and justifications, and created dates within 45 days of the reference date", () => {
    const seed = buildSeed({ extraRequestsPerCollection: 50 });
    const all = [
      ...seed.groupAssignmentScheduleRequests,
      ...seed.groupEligibilityScheduleRequests,
      ...seed.accessPackageAssignmentRequests,
      ...seed.directoryRoleAssignmentScheduleRequests,
      ...seed.directoryRoleEligibilityScheduleRequests,
      ...seed.governanceRoleAssignmentRequests.map((r) => ({ ...r, justification: r.reason })),
      ...seed.privilegedRoleAssignmentRequests.map((r) => ({ ...r, justification: r.reason })),
    ];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(new Set(all.map((r) => r.justification)).size).toBe(all.length);
    const ages = all.map((r) => (Date.parse(SEED_REFERENCE_DATE) - Date.parse(r.createdDateTime)) / 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(45);
  });

  it("names landmarks whose status matches their role", () => {
    const pim = [SEED_LANDMARKS.groupAssignment, SEED_LANDMARKS.groupEligibility];
    for (const set of pim) {
      expect(CANCELLABLE_PIM_GROUP_STATUSES).toContain(set.adminCancellable.status);
      expect(CANCELLABLE_PIM_GROUP_STATUSES).not.toContain(set.adminNotCancellable.status);
      expect(CANCELLABLE_PIM_GROUP_STATUSES).toContain(set.meganCancellable.status);
      expect(CANCELLABLE_PIM_GROUP_STATUSES).not.toContain(set.meganNotCancellable.status);
      expect(CANCELLABLE_PIM_GROUP_STATUSES).toContain(set.colleagueCancellable.status);
      // Not cancellable yet still open (listed by default), versus closed.
      for (const open of [set.adminNotCancellable, set.meganNotCancellable, set.colleagueNotCancellable]) {
        expect(["PendingProvisioning", "PendingScheduleCreation"]).toContain(open.status);
      }
      for (const closed of [set.adminClosed, set.meganClosed, set.colleagueClosed]) expect(FINAL_PIM_STATUSES).toContain(closed.status);
    }
    const ap = SEED_LANDMARKS.accessPackage;
    expect(CANCELLABLE_ACCESS_PACKAGE_STATUSES).toContain(ap.meganCancellable.status);
    for (const open of [ap.adminNotCancellable, ap.meganNotCancellable, ap.colleagueNotCancellable]) expect(open.status).toBe("Delivering");
    for (const closed of [ap.adminClosed, ap.meganClosed, ap.colleagueClosed]) expect(closed.status).toBe("Delivered");
    for (const set of [...pim, ap]) {
      expect(set.adminCancellable.principalId).toBe(ADMIN.oid);
      expect(set.meganCancellable.principalId).toBe(MEGAN.oid);
      expect([ADMIN.oid, MEGAN.oid]).not.toContain(set.colleagueCancellable.principalId);
    }
  });

  it("generates A, B and E extras too, for colleagues only", () => {
    const plain = buildSeed();
    const seed = buildSeed({ extraRequestsPerCollection: 30 });
    for (const key of ["governanceRoleAssignmentRequests", "privilegedRoleAssignmentRequests", "directoryRoleAssignmentScheduleRequests", "directoryRoleEligibilityScheduleRequests"] as const) {
      expect(seed[key].length).toBe(plain[key].length + 30);
    }
    const extraPrincipals = [
      ...seed.governanceRoleAssignmentRequests.slice(plain.governanceRoleAssignmentRequests.length).map((r) => r.subjectId),
      ...seed.privilegedRoleAssignmentRequests.slice(plain.privilegedRoleAssignmentRequests.length).map((r) => r.userId),
      ...seed.directoryRoleAssignmentScheduleRequests.slice(plain.directoryRoleAssignmentScheduleRequests.length).map((r) => r.principalId),
    ];
    expect(extraPrincipals.some((oid) => oid === ADMIN.oid || oid === MEGAN.oid)).toBe(false);
  });

  it("makes Megan own no group (the app probes the first group to decide on 'All requests')", () => {
    expect(buildSeed().groups.some((g) => g.ownerIds.includes(MEGAN.oid))).toBe(false);
  });
});

describe("the seeded role requests (A, B, E)", () => {
  const seed = buildSeed();
  const E_STATUSES = ["Canceled", "Denied", "Failed", "Granted", "PendingAdminDecision", "PendingApproval", "PendingProvisioning", "PendingScheduleCreation", "Provisioned", "Revoked", "ScheduleCreated"];

  it("holds every documented status: A sub-statuses across providers, B statuses, PIM v3 in both E collections", () => {
    expect(new Set(seed.governanceRoleAssignmentRequests.map((r) => r.subStatus))).toEqual(new Set(GOVERNANCE_SUB_STATUSES));
    expect(new Set(seed.governanceRoleAssignmentRequests.map((r) => r.provider))).toEqual(new Set(["azureResources", "aadroles", "aadGroups"]));
    expect(new Set(seed.privilegedRoleAssignmentRequests.map((r) => r.status))).toEqual(new Set(PRIVILEGED_ROLE_STATUSES));
    expect(new Set(seed.directoryRoleAssignmentScheduleRequests.map((r) => r.status))).toEqual(new Set(E_STATUSES));
    expect(new Set(seed.directoryRoleEligibilityScheduleRequests.map((r) => r.status))).toEqual(new Set(E_STATUSES));
    for (const r of seed.governanceRoleAssignmentRequests) expect(r.status).toBe(CLOSED_GOVERNANCE_SUB_STATUSES.includes(r.subStatus) ? "Closed" : "InProgress");
  });

  it("gives Adele and Megan cancellable and non-cancellable requests in every role collection, and Lee E requests", () => {
    const sets: Array<[Array<{ oid: string; status: string }>, readonly string[]]> = [
      [seed.governanceRoleAssignmentRequests.map((r) => ({ oid: r.subjectId, status: r.subStatus })), CANCELLABLE_GOVERNANCE_SUB_STATUSES],
      [seed.privilegedRoleAssignmentRequests.map((r) => ({ oid: r.userId, status: r.status })), CANCELLABLE_PRIVILEGED_ROLE_STATUSES],
      [seed.directoryRoleAssignmentScheduleRequests.map((r) => ({ oid: r.principalId, status: r.status })), CANCELLABLE_DIRECTORY_ROLE_STATUSES],
      [seed.directoryRoleEligibilityScheduleRequests.map((r) => ({ oid: r.principalId, status: r.status })), CANCELLABLE_DIRECTORY_ROLE_STATUSES],
    ];
    for (const [rows, cancellable] of sets) {
      for (const oid of [ADMIN.oid, MEGAN.oid]) {
        const mine = rows.filter((r) => r.oid === oid);
        expect(mine.filter((r) => cancellable.includes(r.status)).length).toBeGreaterThanOrEqual(2);
        expect(mine.filter((r) => !cancellable.includes(r.status)).length).toBeGreaterThanOrEqual(2);
      }
    }
    expect(seed.directoryRoleEligibilityScheduleRequests.some((r) => r.principalId === LEE.oid)).toBe(true);
    expect(seed.directoryRoleAssignmentScheduleRequests.some((r) => r.principalId === LEE.oid)).toBe(true);
  });

  it("names landmarks whose status matches their role", () => {
    const { governanceRole: a, privilegedRole: b, directoryRoleAssignment: ea, directoryRoleEligibility: ee } = SEED_LANDMARKS;
    const checks: Array<[typeof b, readonly string[], (status: string) => boolean]> = [
      [a, CANCELLABLE_GOVERNANCE_SUB_STATUSES, (s) => CLOSED_GOVERNANCE_SUB_STATUSES.includes(s)],
      [b, CANCELLABLE_PRIVILEGED_ROLE_STATUSES, (s) => FINAL_PRIVILEGED_ROLE_STATUSES.includes(s)],
      [ea, CANCELLABLE_DIRECTORY_ROLE_STATUSES, (s) => FINAL_DIRECTORY_ROLE_STATUSES.includes(s)],
      [ee, CANCELLABLE_DIRECTORY_ROLE_STATUSES, (s) => FINAL_DIRECTORY_ROLE_STATUSES.includes(s)],
    ];
    for (const [set, cancellable, isFinal] of checks) {
      for (const who of ["admin", "megan", "colleague"] as const) {
        expect(cancellable).toContain(set[`${who}Cancellable`].status);
        expect(cancellable).not.toContain(set[`${who}NotCancellable`].status);
        expect(isFinal(set[`${who}NotCancellable`].status)).toBe(false);
        expect(isFinal(set[`${who}Closed`].status)).toBe(true);
      }
      expect(set.adminCancellable.principalId).toBe(ADMIN.oid);
      expect(set.meganCancellable.principalId).toBe(MEGAN.oid);
      expect([ADMIN.oid, MEGAN.oid]).not.toContain(set.colleagueCancellable.principalId);
    }
    expect(new Set(Object.values(a).map((l) => l.provider))).toEqual(new Set(["azureResources", "aadroles", "aadGroups"]));
  });
});
