// `$filter` (contract "Endpoints"): atScope() at or above the scope; principalId eq / assignedTo() / asTarget() /
// asRequestor() / asApprover() at, above or below it; `and` combines; anything else is 400 InvalidFilter.

import { describe, expect, it } from "vitest";

import { ADMIN, MEGAN } from "../demo-tenant";
import { ARM_SCOPES, SEED_LANDMARKS } from "./seed";
import { ASSIGNMENT_REQUESTS, ELIGIBILITY_REQUESTS, armHarnessForFile, pimPath } from "./test-harness";

const h = armHarnessForFile();
const A = SEED_LANDMARKS.assignment;
const E = SEED_LANDMARKS.eligibility;
const filter = (f: string) => `$filter=${encodeURIComponent(f)}`;

describe("$filter", () => {
  it("atScope() lists the scope and what is above it, never below", async () => {
    const items = await h.allItems(pimPath(ARM_SCOPES.rgPayments, ASSIGNMENT_REQUESTS, "", filter("atScope()")), await h.token(ADMIN));
    const above = [ARM_SCOPES.rgPayments, ARM_SCOPES.contosoProduction, ARM_SCOPES.productionGroup, ARM_SCOPES.rootGroup];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(above).toContain(item.properties.scope);
    expect(items.map((i) => i.name)).toContain(A.colleagueCancellable.name);
    expect(items.map((i) => i.name)).not.toContain(A.adminCancellable.name);
  });

  it("asTarget() is the caller's own requests, at, above and below the scope", async () => {
    const token = await h.token(MEGAN);
    for (const [collection, landmarks] of [[ASSIGNMENT_REQUESTS, A], [ELIGIBILITY_REQUESTS, E]] as const) {
      const items = await h.allItems(pimPath(ARM_SCOPES.marketingAnalytics, collection, "", filter("asTarget()")), token);
      expect(items.map((i) => i.name)).toEqual(expect.arrayContaining([landmarks.meganCancellable.name, landmarks.meganGranted.name]));
      for (const item of items) expect(item.properties.principalId).toBe(MEGAN.oid);
    }
  });

  it("principalId eq and assignedTo() pick one principal, whatever the GUID's case", async () => {
    const token = await h.token(ADMIN);
    const byEq = await h.allItems(pimPath(ARM_SCOPES.marketingAnalytics, ASSIGNMENT_REQUESTS, "", filter(`principalId eq '${MEGAN.oid}'`)), token);
    const byAssigned = await h.allItems(pimPath(ARM_SCOPES.marketingAnalytics, ASSIGNMENT_REQUESTS, "", filter(`assignedTo('${MEGAN.oid.toUpperCase()}')`)), token);
    expect(byEq.length).toBe(3);
    expect(byAssigned.map((i) => i.id)).toEqual(byEq.map((i) => i.id));
    for (const item of byEq) expect(item.properties.principalId).toBe(MEGAN.oid);
  });

  it("asRequestor() is what the caller asked for, and asApprover() what waits on them", async () => {
    const token = await h.token(ADMIN);
    const requested = await h.allItems(pimPath("/", ELIGIBILITY_REQUESTS, "", filter("asRequestor()")), token);
    expect(requested.map((i) => i.name)).toContain(E.meganGranted.name);
    for (const item of requested) expect(item.properties.requestorId).toBe(ADMIN.oid);
    const approving = await h.allItems(pimPath("/", ASSIGNMENT_REQUESTS, "", filter("asApprover()")), token);
    expect(approving.map((i) => i.name)).toEqual(expect.arrayContaining([A.meganCancellable.name, A.colleagueCancellable.name]));
    expect(approving.map((i) => i.name)).not.toContain(A.restrictedCancellable.name);
  });

  it("combines clauses with and", async () => {
    const items = await h.allItems(pimPath(ARM_SCOPES.paymentsKeyVault, ASSIGNMENT_REQUESTS, "", filter("atScope() and asTarget()")), await h.token(ADMIN));
    expect(items.map((i) => i.name)).toEqual([A.adminCancellable.name]);
  });

  it("refuses anything else with 400 InvalidFilter", async () => {
    const token = await h.token(ADMIN);
    for (const bad of ["status eq 'PendingApproval'", "asTarget() or atScope()", "principalId eq 42", "atScope"]) {
      const answer = await h.call(pimPath(ARM_SCOPES.contosoProduction, ASSIGNMENT_REQUESTS, "", filter(bad)), { token });
      expect(answer.status, bad).toBe(400);
      expect(answer.body.error.code).toBe("InvalidFilter");
    }
  });
});
