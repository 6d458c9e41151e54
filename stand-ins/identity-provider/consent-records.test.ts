import { describe, expect, it } from "vitest";

import {
  ADMIN,
  ARM_RESOURCE,
  DEMO_TENANT_ID,
  FABRIKAM_TENANT_ID,
  GRAPH_DELEGATED_SCOPES,
  LEE,
  MEGAN,
  PATTI,
  type GraphDelegatedScope,
} from "../demo-tenant";
import { ConsentRecords, mayGrantTenantConsent } from "./consent-records";
import { resourceApis } from "./resource-apis";

// Everything that lists directory-role eligibility requests, RoleManagement.ReadWrite.Directory included.
const ROLE_ELIGIBILITY: GraphDelegatedScope[] = ["RoleEligibilitySchedule.Read.Directory", "RoleEligibilitySchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory"];
const ARM_ENTRY = `${ARM_RESOURCE}/user_impersonation`;
const { arm } = resourceApis();

describe("consent records", () => {
  it("start from the demo tenant: Contoso grants all but role eligibility, which Adele and Megan hold for themselves", () => {
    const records = new ConsentRecords();
    expect(records.consentedFor(ADMIN)).toEqual([...GRAPH_DELEGATED_SCOPES]);
    expect(records.consentedFor(MEGAN)).toEqual([...GRAPH_DELEGATED_SCOPES]);
    expect(records.consentedFor(LEE)).toEqual(GRAPH_DELEGATED_SCOPES.filter((s) => !ROLE_ELIGIBILITY.includes(s)));
    expect(records.consentedFor(PATTI)).toEqual(["User.Read"]);
    expect(records.snapshot()).toEqual({
      tenants: {
        [DEMO_TENANT_ID]: [...GRAPH_DELEGATED_SCOPES.filter((s) => !ROLE_ELIGIBILITY.includes(s)), ARM_ENTRY],
        [FABRIKAM_TENANT_ID]: ["User.Read"],
      },
      users: { [ADMIN.oid]: ROLE_ELIGIBILITY, [MEGAN.oid]: ROLE_ELIGIBILITY },
    });
  });

  it("start with ARM's user_impersonation granted tenant-wide in Contoso only", () => {
    const records = new ConsentRecords();
    for (const person of [ADMIN, MEGAN, LEE]) expect(records.consentedTo(person, arm)).toEqual([ARM_ENTRY]);
    expect(records.consentedTo(PATTI, arm)).toEqual([]);
    const elsewhere = resourceApis("https://management.usgovcloudapi.net/");
    expect(new ConsentRecords(elsewhere).consentedTo(ADMIN, elsewhere.arm)).toEqual(["https://management.usgovcloudapi.net/user_impersonation"]);
  });

  it("keeps ARM grants apart from Graph's, per tenant and per person", () => {
    const records = new ConsentRecords();
    records.grantUser(PATTI.oid, [ARM_ENTRY]);
    expect(records.consentedTo(PATTI, arm)).toEqual([ARM_ENTRY]);
    expect(records.consentedFor(PATTI)).toEqual(["User.Read"]);
    records.revokeTenant(DEMO_TENANT_ID, [ARM_ENTRY]);
    expect(records.consentedTo(LEE, arm)).toEqual([]);
    expect(records.snapshot().users[PATTI.oid]).toEqual([ARM_ENTRY]);
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
