// The seed's promises (README "Seed"): deterministic; every status of the spec's enum and every scope level in
// each kind; landmarks that are what their names say; Finance Restricted holding nothing of Adele's; and the
// generated benchmark requests all cancellable at scopes Adele owns.

import { describe, expect, it } from "vitest";

import { ADMIN, MEGAN } from "../demo-tenant";
import { ArmDirectory } from "./model/directory";
import { REQUEST_KINDS } from "./model/request-kinds";
import { ARM_REQUEST_STATUSES, isCancellable } from "./model/statuses";
import { ARM_SCOPES, SEED_LANDMARKS, buildArmSeed } from "./seed";

const seed = buildArmSeed();
const directory = new ArmDirectory(seed);
const cancelAction = (kind: string) => REQUEST_KINDS.find((k) => k.kind === kind)!.cancelAction;

describe("the ARM seed", () => {
  it("is deterministic", () => {
    expect(buildArmSeed()).toEqual(seed);
  });

  it.each(REQUEST_KINDS.map((k) => k.kind))("%s: every status, every scope level, unique names", (kind) => {
    const requests = seed.requests.filter((r) => r.kind === kind);
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(ARM_REQUEST_STATUSES));
    expect(new Set(requests.map((r) => directory.tree.find(r.scopeId)!.type))).toEqual(new Set(["managementgroup", "subscription", "resourcegroup", "resource"]));
    expect(new Set(requests.map((r) => r.name)).size).toBe(requests.length);
    expect(new Set(requests.map((r) => r.expiration.type))).toEqual(new Set(["AfterDuration", "AfterDateTime", "NoExpiration"]));
    expect(requests.some((r) => r.condition !== null)).toBe(true);
    expect(requests.some((r) => r.ticketNumber !== null)).toBe(true);
  });

  it("landmarks are what their names say", () => {
    for (const kind of ["assignment", "eligibility"] as const) {
      const l = SEED_LANDMARKS[kind];
      const can = (oid: string, scope: string) => directory.rbac.can(oid, cancelAction(kind), directory.tree.selfAndAncestors(scope));
      expect(l.adminCancellable.principalId).toBe(ADMIN.oid);
      expect(isCancellable(l.adminCancellable.status)).toBe(true);
      expect(l.adminNotCancellable.principalId).toBe(ADMIN.oid);
      expect(isCancellable(l.adminNotCancellable.status)).toBe(false);
      expect(l.meganCancellable).toMatchObject({ principalId: MEGAN.oid, status: "PendingApproval" });
      expect(l.meganGranted).toMatchObject({ principalId: MEGAN.oid, status: "Granted" });
      expect(directory.tree.find(l.meganCancellable.scope)!.type).toBe("resourcegroup");
      expect(isCancellable(l.colleagueCancellable.status)).toBe(true);
      expect(can(ADMIN.oid, l.colleagueCancellable.scope)).toBe(true);
      expect(isCancellable(l.restrictedCancellable.status)).toBe(true);
      expect(l.restrictedCancellable.scope.startsWith(ARM_SCOPES.financeRestricted)).toBe(true);
      expect(can(ADMIN.oid, l.restrictedCancellable.scope)).toBe(false);
      for (const landmark of Object.values(l)) expect(seed.requests.some((r) => r.name === landmark.name && r.status === landmark.status)).toBe(true);
    }
  });

  it("Adele holds no role in Finance Restricted and has no request there; Megan holds no role at all", () => {
    expect(directory.rbac.holdsRoleAround(ADMIN.oid, ARM_SCOPES.financeRestricted)).toBe(false);
    expect(seed.requests.filter((r) => r.scopeId.startsWith(ARM_SCOPES.financeRestricted) && r.principalId === ADMIN.oid)).toEqual([]);
    expect(seed.roleAssignments.filter((a) => a.principalId === MEGAN.oid)).toEqual([]);
  });

  it("generates extra cancellable requests for benchmarks, at scopes Adele may cancel in", () => {
    const large = buildArmSeed({ extraRequestsPerKind: 500 });
    const extra = large.requests.filter((r) => !seed.requests.some((s) => s.kind === r.kind && s.name === r.name));
    expect(extra).toHaveLength(1000);
    for (const r of extra) {
      expect(isCancellable(r.status)).toBe(true);
      expect(directory.rbac.can(ADMIN.oid, cancelAction(r.kind), directory.tree.selfAndAncestors(r.scopeId))).toBe(true);
    }
  });
});
