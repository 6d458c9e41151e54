// RBAC (contract "Cancel rules", "Errors"): Owner / User Access Administrator list and cancel at and below their
// scopes; Reader lists but cannot cancel; anyone lists (asTarget()) and cancels their own; a refusal is 403
// AuthorizationFailed in ARM's exact sentence.

import { describe, expect, it } from "vitest";

import { ADMIN, LEE, MEGAN } from "../demo-tenant";
import { ARM_SCOPES, SEED_LANDMARKS } from "./seed";
import { ASSIGNMENT_REQUESTS, ELIGIBILITY_REQUESTS, armHarnessForFile, pimPath } from "./test-harness";

const h = armHarnessForFile();
const A = SEED_LANDMARKS.assignment;
const E = SEED_LANDMARKS.eligibility;

const refusal = (upn: string, oid: string, action: string, scope: string) => ({
  error: {
    code: "AuthorizationFailed",
    message: `The client '${upn}' with object id '${oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  },
});

describe("who may list", () => {
  it("Adele cannot list Finance Restricted, nor the root management group above her", async () => {
    const token = await h.token(ADMIN);
    const restricted = await h.call(pimPath(ARM_SCOPES.financeRestricted, ASSIGNMENT_REQUESTS), { token });
    expect(restricted.status).toBe(403);
    expect(restricted.body).toEqual(refusal(ADMIN.userPrincipalName, ADMIN.oid, "Microsoft.Authorization/roleAssignmentScheduleRequests/read", ARM_SCOPES.financeRestricted));
    const root = await h.call(pimPath(ARM_SCOPES.rootGroup, ELIGIBILITY_REQUESTS), { token });
    expect(root.status).toBe(403);
    expect(root.body).toEqual(refusal(ADMIN.userPrincipalName, ADMIN.oid, "Microsoft.Authorization/roleEligibilityScheduleRequests/read", ARM_SCOPES.rootGroup));
    const get = await h.call(`${A.restrictedCancellable.id}?api-version=2020-10-01`, { token });
    expect(get.status).toBe(403);
  });

  it("Megan, who holds no role, lists only her own (asTarget()) and is refused the rest", async () => {
    const token = await h.token(MEGAN);
    const all = await h.call(pimPath(ARM_SCOPES.rgMarketingCampaigns, ASSIGNMENT_REQUESTS), { token });
    expect(all.status).toBe(403);
    expect(all.body.error.code).toBe("AuthorizationFailed");
    const own = await h.allItems(pimPath(ARM_SCOPES.rgMarketingCampaigns, ASSIGNMENT_REQUESTS, "", "$filter=asTarget()"), token);
    expect(own.map((i) => i.name)).toEqual(expect.arrayContaining([A.meganCancellable.name, A.meganGranted.name]));
    for (const item of own) expect(item.properties.principalId).toBe(MEGAN.oid);
    // At the tenant root too: the self-service view needs no scope of her own.
    const everywhere = await h.allItems(pimPath("/", ELIGIBILITY_REQUESTS, "", "$filter=asTarget()"), token);
    expect(everywhere.map((i) => i.name).sort()).toEqual([E.meganCancellable.name, E.meganGranted.name].sort());
    // principalId eq her own oid is the same view; someone else's is refused.
    expect((await h.call(pimPath(ARM_SCOPES.rgMarketingCampaigns, ASSIGNMENT_REQUESTS, "", `$filter=principalId eq '${MEGAN.oid}'`), { token })).status).toBe(200);
    expect((await h.call(pimPath(ARM_SCOPES.rgMarketingCampaigns, ASSIGNMENT_REQUESTS, "", `$filter=principalId eq '${LEE.oid}'`), { token })).status).toBe(403);
    expect((await h.call(`${A.meganCancellable.id}?api-version=2020-10-01`, { token })).status).toBe(200);
  });

  it("a Reader lists everything in their subscription", async () => {
    const items = await h.allItems(pimPath(ARM_SCOPES.marketingAnalytics, ASSIGNMENT_REQUESTS), await h.token(LEE));
    expect(items.map((i) => i.name)).toEqual(expect.arrayContaining([A.meganCancellable.name, A.meganGranted.name]));
  });
});

describe("who may cancel", () => {
  it("a Reader cannot cancel someone else's request: 403 naming the cancel action and the request", async () => {
    for (const [landmark, collection, action] of [
      [A.meganCancellable, "roleAssignmentScheduleRequests", "Microsoft.Authorization/roleAssignmentScheduleRequests/cancel/action"],
      [E.meganCancellable, "roleEligibilityScheduleRequests", "Microsoft.Authorization/roleEligibilityScheduleRequests/cancel/action"],
    ] as const) {
      const answer = await h.call(`${landmark.id}/cancel?api-version=2020-10-01`, { token: await h.token(LEE), method: "POST" });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual(refusal(LEE.userPrincipalName, LEE.oid, action, `${landmark.scope}/providers/Microsoft.Authorization/${collection}/${landmark.name}`));
      expect((await h.control(`state/${landmark.kind}/${landmark.name}`)).body.status).toBe("PendingApproval");
    }
  });

  it("anyone may cancel their own request, without any role", async () => {
    const answer = await h.call(`${A.meganCancellable.id}/cancel?api-version=2020-10-01`, { token: await h.token(MEGAN), method: "POST" });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
    const lees = (await h.allItems(pimPath(ARM_SCOPES.marketingAnalytics, ASSIGNMENT_REQUESTS, "", "$filter=asTarget()"), await h.token(LEE))).find(
      (i) => i.properties.scope === ARM_SCOPES.marketingAnalytics && i.properties.status === "PendingApproval",
    );
    expect((await h.call(`${lees.id}/cancel?api-version=2020-10-01`, { token: await h.token(LEE), method: "POST" })).status).toBe(200);
  });

  it("an Owner above the scope may cancel colleagues' requests below it", async () => {
    const token = await h.token(ADMIN);
    for (const landmark of [A.colleagueCancellable, E.colleagueCancellable, A.meganCancellable]) {
      expect((await h.call(`${landmark.id}/cancel?api-version=2020-10-01`, { token, method: "POST" })).status).toBe(200);
    }
  });

  it("Megan cannot cancel a colleague's request in her resource group", async () => {
    const inGroup = await h.allItems(pimPath(ARM_SCOPES.rgMarketingCampaigns, ASSIGNMENT_REQUESTS), await h.token(ADMIN));
    const colleagues = inGroup.filter((i) => i.properties.principalId !== MEGAN.oid);
    expect(colleagues.length).toBeGreaterThan(0);
    const answer = await h.call(`${colleagues[0].id}/cancel?api-version=2020-10-01`, { token: await h.token(MEGAN), method: "POST" });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe("AuthorizationFailed");
  });
});
