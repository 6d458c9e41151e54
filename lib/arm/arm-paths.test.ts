import { describe, expect, it } from "vitest";
import { assignmentCategory } from "./arm-test-kit";
import { armLinkWithin, armListPath, armPermissionsPath, armRequestPath, isArmLinkWithin, managementGroupScope, subscriptionScope } from "./arm-paths";

// Which ARM URLs the app builds, and which links it will follow with the user's token (the default global ARM host:
// no ARM_BASE_URL is set for this file).

const category = assignmentCategory;
const ARM = "https://management.azure.com";
const SUB = "/subscriptions/45a4fcb3-e402-55ff-80ec-292baa83946e";

describe("paths", () => {
  it("builds list, get and cancel paths with the category's api-version", () => {
    expect(armListPath(category, "", "asTarget()")).toBe("/providers/Microsoft.Authorization/roleAssignmentScheduleRequests?api-version=2020-10-01&$filter=asTarget()");
    expect(armListPath(category, SUB)).toBe(`${SUB}/providers/Microsoft.Authorization/roleAssignmentScheduleRequests?api-version=2020-10-01`);
    const ref = { scope: `${SUB}/resourceGroups/rg-payments`, name: "b269d899-5b53-54ab-9c9b-0fb89b6b5053" };
    expect(armRequestPath(category, ref, "cancel")).toBe(
      `${SUB}/resourceGroups/rg-payments/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/b269d899-5b53-54ab-9c9b-0fb89b6b5053/cancel?api-version=2020-10-01`,
    );
  });

  it("builds the caller's permissions path at a scope with the permissions api-version", () => {
    expect(armPermissionsPath(SUB)).toBe(`${SUB}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`);
    const group = "/providers/Microsoft.Management/managementGroups/contoso-production";
    expect(armPermissionsPath(group)).toBe(`${group}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`);
  });

  it("refuses a scope or name that could change which path is called", () => {
    for (const scope of [`${SUB}/../..`, `${SUB}//x`, `${SUB}/a?b`, `${SUB}/%2e%2e`, "subscriptions/x"]) {
      expect(() => armListPath(category, scope)).toThrow(expect.objectContaining({ code: "invalid_input" }));
      expect(() => armPermissionsPath(scope)).toThrow(expect.objectContaining({ code: "invalid_input" }));
    }
    expect(() => armRequestPath(category, { scope: SUB, name: "../x" })).toThrow(expect.objectContaining({ code: "invalid_input" }));
  });

  it("accepts only subscription GUIDs and management group ids from ARM's scope lists", () => {
    expect(subscriptionScope(SUB)).toBe(SUB);
    expect(subscriptionScope("/subscriptions/not-a-guid")).toBeUndefined();
    expect(subscriptionScope(`${SUB}/resourceGroups/x`)).toBeUndefined();
    expect(managementGroupScope("/providers/Microsoft.Management/managementGroups/contoso-root")).toBe("/providers/Microsoft.Management/managementGroups/contoso-root");
    expect(managementGroupScope("/providers/microsoft.management/managementgroups/Contoso_(EU).1")).toBe("/providers/Microsoft.Management/managementGroups/Contoso_(EU).1");
    for (const id of ["/providers/Microsoft.Management/managementGroups/a/b", "/providers/Microsoft.Management/managementGroups/..", "/providers/Microsoft.Management/managementGroups/x%2F", "/providers/Other/managementGroups/x"]) {
      expect(managementGroupScope(id)).toBeUndefined();
    }
  });
});

describe("isArmLinkWithin", () => {
  const entry = armListPath(category, "", "asTarget()");
  const path = "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests";

  it("follows ARM's nextLink for the same list, whatever the path's case, with its skip token", () => {
    expect(isArmLinkWithin(`${ARM}${path}?api-version=2020-10-01&$filter=asTarget()&$skipToken=abc`, entry)).toBe(true);
    expect(isArmLinkWithin(`${ARM}${path.toLowerCase()}?$skipToken=abc&api-version=2020-10-01&%24filter=asTarget%28%29`, entry)).toBe(true);
  });

  it("puts back an api-version or filter the link left out, so paging goes on and the list stays the same", () => {
    expect(armLinkWithin(`${ARM}${path}?$skipToken=abc`, entry)).toBe(`${ARM}${path}?$skipToken=abc&api-version=2020-10-01&$filter=asTarget()`);
    expect(armLinkWithin(`${ARM}${path}`, entry)).toBe(`${ARM}${path}?api-version=2020-10-01&$filter=asTarget()`);
    // An unfiltered list takes no filter, and a link may not add one.
    const unfiltered = armListPath(category, SUB);
    expect(armLinkWithin(`${ARM}${SUB}${path}?$skipToken=x`, unfiltered)).toBe(`${ARM}${SUB}${path}?$skipToken=x&api-version=2020-10-01`);
    expect(armLinkWithin(`${ARM}${SUB}${path}?api-version=2020-10-01&$filter=asTarget()`, unfiltered)).toBeUndefined();
  });

  it("never follows a link to another host, path, api-version or filter", () => {
    for (const link of [
      `https://management.azure.com.evil.example${path}?api-version=2020-10-01&$filter=asTarget()`,
      `http://management.azure.com${path}?api-version=2020-10-01&$filter=asTarget()`,
      `https://user:pw@management.azure.com${path}?api-version=2020-10-01&$filter=asTarget()`,
      `${ARM}${SUB}${path}?api-version=2020-10-01&$filter=asTarget()`,
      `${ARM}${path}/x?api-version=2020-10-01&$filter=asTarget()`,
      `${ARM}${path}?api-version=2024-09-01-preview&$filter=asTarget()`,
      `${ARM}${path}?api-version=2020-10-01&$filter=atScope()`,
      `${ARM}${path}?api-version=2020-10-01&$filter=asTarget()&$filter=atScope()`,
      `${ARM}${path}?api-version=2020-10-01&api-version=2020-10-01&$filter=asTarget()`,
      `${ARM}${path}?api-version=2020-10-01&$filter=asTarget()#x`,
      `${ARM}/providers/Microsoft.Authorization/x/..%2Froleassignmentschedulerequests?api-version=2020-10-01&$filter=asTarget()`,
      `${ARM}/providers%2FMicrosoft.Authorization/roleAssignmentScheduleRequests?api-version=2020-10-01&$filter=asTarget()`,
      "not a url",
    ]) {
      expect(isArmLinkWithin(link, entry), link).toBe(false);
    }
  });
});
