import { describe, expect, it } from "vitest";

import { ADMIN, MEGAN } from "../demo-tenant";
import { CANCELLABLE_ACCESS_PACKAGE_STATUSES, type AccessPackageStatus } from "./collections/access-package-status";
import { CANCELLABLE_PIM_GROUP_STATUSES } from "./collections/group-requests";
import { buildSeed, SEED_LANDMARKS } from "./seed";
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
    const all = [...seed.groupAssignmentScheduleRequests, ...seed.groupEligibilityScheduleRequests, ...seed.accessPackageAssignmentRequests];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(new Set(all.map((r) => r.justification)).size).toBe(all.length);
    const ages = all.map((r) => (Date.parse("2026-11-20T09:00:00.000Z") - Date.parse(r.createdDateTime)) / 86_400_000);
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

  it("makes Megan own no group (the app probes the first group to decide on 'All requests')", () => {
    expect(buildSeed().groups.some((g) => g.ownerIds.includes(MEGAN.oid))).toBe(false);
  });
});
