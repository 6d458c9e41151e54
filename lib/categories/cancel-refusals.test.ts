import { describe, expect, it } from "vitest";
import { accessPackageCategory } from "./access-package";
import { directoryRoleAssignmentCategory } from "./directory-role-assignment";
import { directoryRoleEligibilityCategory } from "./directory-role-eligibility";
import { groupAssignmentCategory } from "./group-assignment";
import { groupEligibilityCategory } from "./group-eligibility";

// The cancels whose docs give a 400 but no error code: PIM for Groups (contract §5), access packages (§6) and
// PIM v3 directory roles (§7). Whatever code real Graph sends with that 400, the user must read "no longer
// cancellable" (409), not "Graph could not complete the request" (502).
const UNDOCUMENTED = [groupAssignmentCategory, groupEligibilityCategory, accessPackageCategory, directoryRoleAssignmentCategory, directoryRoleEligibilityCategory];

describe.each(UNDOCUMENTED.map((category) => [category.summary.slug, category] as const))("%s refused cancels", (_, category) => {
  const classify = category.classifyCancelRefusal;

  it.each([
    ["no code", undefined],
    ["an unknown code", "SomethingGraphMightSay"],
    ["the emulator's code", "RequestCannotBeCancelled"],
  ])("reads a 400 with %s as no longer cancellable", (_, code) => {
    expect(classify({ status: 400, code, message: "" })).toBe("not_cancellable");
  });

  it("keeps a 404 as not found and leaves other refusals to the status code", () => {
    expect(classify({ status: 404, code: "itemNotFound", message: "" })).toBe("not_found");
    expect(classify({ status: 403, code: "Authorization_RequestDenied", message: "" })).toBeUndefined();
    expect(classify({ status: 502, code: undefined, message: "" })).toBeUndefined();
  });
});
