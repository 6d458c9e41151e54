import { describe, expect, it } from "vitest";

import {
  ADMIN,
  DEMO_TENANT_ID,
  FABRIKAM_TENANT_ID,
  GRAPH_DELEGATED_SCOPES,
  LEE,
  MEGAN,
  PATTI,
  type GraphDelegatedScope,
} from "../demo-tenant";
import { ConsentRecords, mayGrantTenantConsent } from "./consent-records";

// Everything that lists directory-role eligibility requests, RoleManagement.ReadWrite.Directory included.
const ROLE_ELIGIBILITY: GraphDelegatedScope[] = ["RoleEligibilitySchedule.Read.Directory", "RoleEligibilitySchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory"];

describe("consent records", () => {
  it("start from the demo tenant: Contoso grants all but role eligibility, which Adele and Megan hold for themselves", () => {
    const records = new ConsentRecords();
    expect(records.consentedFor(ADMIN)).toEqual([...GRAPH_DELEGATED_SCOPES]);
    expect(records.consentedFor(MEGAN)).toEqual([...GRAPH_DELEGATED_SCOPES]);
    expect(records.consentedFor(LEE)).toEqual(GRAPH_DELEGATED_SCOPES.filter((s) => !ROLE_ELIGIBILITY.includes(s)));
    expect(records.consentedFor(PATTI)).toEqual(["User.Read"]);
    expect(records.snapshot()).toEqual({
      tenants: {
        [DEMO_TENANT_ID]: GRAPH_DELEGATED_SCOPES.filter((s) => !ROLE_ELIGIBILITY.includes(s)),
        [FABRIKAM_TENANT_ID]: ["User.Read"],
      },
      users: { [ADMIN.oid]: ROLE_ELIGIBILITY, [MEGAN.oid]: ROLE_ELIGIBILITY },
    });
  });

  it("adds and removes tenant-wide and personal grants, and resets to the start", () => {
    const records = new ConsentRecords();
    records.grantTenant(FABRIKAM_TENANT_ID, ["GroupMember.Read.All"]);
    records.grantUser(LEE.oid, ["RoleEligibilitySchedule.Read.Directory"]);
    records.revokeUser(ADMIN.oid, ROLE_ELIGIBILITY);
    expect(records.consentedFor(PATTI)).toEqual(["User.Read", "GroupMember.Read.All"]);
    expect(records.consentedFor(LEE)).toContain("RoleEligibilitySchedule.Read.Directory");
    expect(records.snapshot().users).toEqual({ [MEGAN.oid]: ROLE_ELIGIBILITY, [LEE.oid]: ["RoleEligibilitySchedule.Read.Directory"] });
    records.revokeTenant(DEMO_TENANT_ID, ["User.Read"]);
    expect(records.consentedFor(LEE)).not.toContain("User.Read");

    records.reset();
    expect(records.snapshot()).toEqual(new ConsentRecords().snapshot());
  });

  it("lets Global and Privileged Role Administrators grant tenant-wide consent, nobody else", () => {
    expect([ADMIN, LEE, PATTI].every(mayGrantTenantConsent)).toBe(true);
    expect(mayGrantTenantConsent(MEGAN)).toBe(false);
  });
});
