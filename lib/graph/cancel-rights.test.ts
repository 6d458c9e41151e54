import { describe, expect, it } from "vitest";
import { accessPackageCategory } from "@/lib/categories/access-package";
import { directoryRoleAssignmentCategory } from "@/lib/categories/directory-role-assignment";
import { directoryRoleEligibilityCategory } from "@/lib/categories/directory-role-eligibility";
import type { GraphCategory } from "@/lib/categories/category-definition";
import { sampleRequest } from "@/lib/requests/sample-request";
import { judgeCancel } from "./bulk-verdict";
import { withCancelRights } from "./cancel-rights";
import { GraphHttpError } from "./graph-error";
import { mapGraphError } from "./map-graph-error";

const PRIVILEGED_ROLE_ADMINISTRATOR = "e8611ab8-c189-46e8-94e1-60213ab1f814";
const GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
const DEFAULT_USER = "b79fbf4d-3ef9-4689-8143-76b194e85509";
const GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

const rolesOf = (...ids: string[]) => new Set(ids);

const directoryRoles = [directoryRoleAssignmentCategory, directoryRoleEligibilityCategory] as GraphCategory<unknown>[];

function pageOf(category: GraphCategory<unknown>) {
  const slug = category.summary.slug;
  return {
    items: [
      sampleRequest({ id: "granted", category: slug, status: "Granted", cancellable: true }),
      sampleRequest({ id: "pending", category: slug, status: "PendingApproval", cancellable: false }),
    ],
    nextCursor: "next",
  };
}

describe("cancel rights for directory role requests (contract §7: Privileged Role Administrator for writes)", () => {
  it.each(directoryRoles.map((c) => [c.summary.slug, c] as const))(
    "%s: a caller without the role is offered no Cancel on a Granted request, and told why",
    (_slug, category) => {
      for (const roles of [rolesOf(), rolesOf(GLOBAL_READER, DEFAULT_USER)]) {
        const page = withCancelRights(pageOf(category), category, roles);
        const [granted, pending] = page.items;
        expect(granted).toMatchObject({ id: "granted", cancellable: false });
        expect(granted?.cancelBlockedReason).toMatch(/Privileged Role Administrator/);
        expect(granted?.cancelBlockedReason).toMatch(/Ask a Privileged Role Administrator/);
        // A request that is not cancellable anyway keeps the status explanation, not the role one.
        expect(pending).toEqual(pageOf(category).items[1]);
        expect(page.nextCursor).toBe("next");
      }
    },
  );

  it("leaves Cancel to a Privileged Role Administrator or Global Administrator, and to a caller whose roles Graph did not report", () => {
    const category = directoryRoleAssignmentCategory as GraphCategory<unknown>;
    for (const roles of [rolesOf(PRIVILEGED_ROLE_ADMINISTRATOR), rolesOf(GLOBAL_ADMINISTRATOR), null]) {
      expect(withCancelRights(pageOf(category), category, roles)).toEqual(pageOf(category));
    }
  });

  it("does not touch categories whose cancel needs no directory role", () => {
    const category = accessPackageCategory as GraphCategory<unknown>;
    expect(withCancelRights(pageOf(category), category, rolesOf(DEFAULT_USER))).toEqual(pageOf(category));
  });

  it("a cancel attempted anyway: Graph's 403 becomes forbidden, single and bulk", () => {
    const refusal = { error: { code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." } };
    for (const category of directoryRoles) {
      const single = mapGraphError(GraphHttpError.fromParts(403, refusal, {}), { category, operation: "cancel", view: "mine" });
      expect(single).toMatchObject({ code: "forbidden", status: 403, upstreamCode: "Authorization_RequestDenied" });
      expect(single.message).toMatch(/does not let you cancel/);
      const bulk = judgeCancel(category, "granted", "mine", { status: 403, body: refusal, headers: {} });
      expect(bulk).toMatchObject({ outcome: "forbidden", upstreamCode: "Authorization_RequestDenied" });
    }
  });
});
