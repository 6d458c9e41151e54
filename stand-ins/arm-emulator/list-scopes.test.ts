// Lists at each scope level (contract "Endpoints", "Finding the scopes an admin can see"): a request appears at its
// own scope and at every scope above it, so a management group lists its subscriptions' requests and a client
// listing several scopes must dedupe by id (case-insensitively); the subscription and management group lists show
// only what the caller holds a role on.

import { describe, expect, it } from "vitest";

import { ADMIN, LEE, MEGAN } from "../demo-tenant";
import { person } from "./seed/principals";
import { ARM_SCOPES, SEED_LANDMARKS, buildArmSeed } from "./seed";
import { ASSIGNMENT_REQUESTS, ELIGIBILITY_REQUESTS, armHarnessForFile, pimPath } from "./test-harness";

const h = armHarnessForFile();
const A = SEED_LANDMARKS.assignment;
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id.toLowerCase());

describe("listing at each scope level", () => {
  it("a management group lists its own requests and its subscriptions', resource groups' and resources'", async () => {
    const items = await h.allItems(pimPath(ARM_SCOPES.productionGroup, ASSIGNMENT_REQUESTS), await h.token(ADMIN));
    const names = items.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining([A.colleagueCancellable.name, A.adminCancellable.name, A.adminNotCancellable.name]));
    expect(names).not.toContain(A.meganCancellable.name);
    expect(names).not.toContain(A.restrictedCancellable.name);
    const scopes = new Set(items.map((i) => i.properties.expandedProperties.scope.type));
    expect([...scopes].sort()).toEqual(["managementgroup", "resource", "resourcegroup", "subscription"]);
    for (const item of items) expect(item.properties.scope.toLowerCase().startsWith("/subscriptions/") || item.properties.scope === ARM_SCOPES.productionGroup).toBe(true);
  });

  it("a subscription lists what is in it and nothing from its sibling", async () => {
    const items = await h.allItems(pimPath(ARM_SCOPES.contosoProduction, ASSIGNMENT_REQUESTS), await h.token(ADMIN));
    expect(items.map((i) => i.name)).toEqual(expect.arrayContaining([A.colleagueCancellable.name, A.adminCancellable.name]));
    expect(items.map((i) => i.name)).not.toContain(A.adminNotCancellable.name);
    for (const item of items) expect(item.properties.scope.startsWith(ARM_SCOPES.contosoProduction)).toBe(true);
  });

  it("a resource group and a resource list their own", async () => {
    const token = await h.token(ADMIN);
    const group = await h.allItems(pimPath(ARM_SCOPES.rgMarketingCampaigns, ASSIGNMENT_REQUESTS), token);
    expect(group.map((i) => i.name)).toEqual(expect.arrayContaining([A.meganCancellable.name, A.meganGranted.name]));
    const vault = await h.allItems(pimPath(ARM_SCOPES.paymentsKeyVault, ASSIGNMENT_REQUESTS), token);
    expect(vault.map((i) => i.name)).toContain(A.adminCancellable.name);
    for (const item of vault) expect(item.properties.scope).toBe(ARM_SCOPES.paymentsKeyVault);
  });

  it("lists overlap across scopes: every subscription row is in its management group's list (dedupe by id)", async () => {
    const token = await h.token(ADMIN);
    for (const collection of [ASSIGNMENT_REQUESTS, ELIGIBILITY_REQUESTS]) {
      const group = ids(await h.allItems(pimPath(ARM_SCOPES.productionGroup, collection), token));
      const sub = ids(await h.allItems(pimPath(ARM_SCOPES.contosoProduction, collection), token));
      const union = new Set([...group, ...sub]);
      expect(sub.length).toBeGreaterThan(0);
      expect(union.size).toBe(group.length);
      expect(group.length + sub.length).toBeGreaterThan(union.size);
    }
  });

  it("whoever reads the root management group sees every request of the tenant", async () => {
    const seed = buildArmSeed();
    const token = await h.token(person("nestor"));
    for (const [kind, collection] of [["assignment", ASSIGNMENT_REQUESTS], ["eligibility", ELIGIBILITY_REQUESTS]] as const) {
      const items = await h.allItems(pimPath(ARM_SCOPES.rootGroup, collection), token);
      expect(items.length).toBe(seed.requests.filter((r) => r.kind === kind).length);
      expect(new Set(ids(items)).size).toBe(items.length);
    }
  });

  it("accepts the spec examples' providers/Microsoft.Subscription/subscriptions/<id> spelling of a subscription", async () => {
    const token = await h.token(ADMIN);
    const alias = ARM_SCOPES.contosoProduction.replace("/subscriptions/", "/providers/Microsoft.Subscription/subscriptions/");
    const viaAlias = await h.allItems(pimPath(alias, ASSIGNMENT_REQUESTS), token);
    const direct = await h.allItems(pimPath(ARM_SCOPES.contosoProduction, ASSIGNMENT_REQUESTS), token);
    expect(ids(viaAlias)).toEqual(ids(direct));
  });

  it("answers 404 for scopes that do not exist (after authorization)", async () => {
    const token = await h.token(ADMIN);
    const subscription = await h.call(pimPath("/subscriptions/00000000-0000-0000-0000-000000000000", ASSIGNMENT_REQUESTS), { token });
    expect(subscription.status).toBe(404);
    expect(subscription.body.error.code).toBe("SubscriptionNotFound");
    const group = await h.call(pimPath(`${ARM_SCOPES.contosoProduction}/resourceGroups/rg-missing`, ASSIGNMENT_REQUESTS), { token });
    expect(group.status).toBe(404);
    expect(group.body.error).toEqual({ code: "ResourceGroupNotFound", message: "Resource group 'rg-missing' could not be found." });
  });
});

describe("the scope lists", () => {
  const subscriptionNames = async (who: Parameters<typeof h.token>[0]) =>
    (await h.allItems("/subscriptions?api-version=2022-12-01", await h.token(who))).map((s) => s.displayName).sort();

  it("GET /subscriptions shows only the subscriptions the caller holds a role in", async () => {
    expect(await subscriptionNames(ADMIN)).toEqual(["Contoso Development", "Contoso Production", "Contoso Sandbox", "Marketing Analytics"]);
    expect(await subscriptionNames(LEE)).toEqual(["Marketing Analytics"]);
    expect(await subscriptionNames(MEGAN)).toEqual([]);
    expect(await subscriptionNames(person("nestor"))).toHaveLength(5);
    // A data role on one storage account is enough to see its subscription.
    expect(await subscriptionNames(person("diego"))).toEqual(["Contoso Production"]);
  });

  it("renders subscriptions as ARM does", async () => {
    const [first] = await h.allItems("/subscriptions?api-version=2022-12-01", await h.token(LEE));
    expect(first).toMatchObject({ id: ARM_SCOPES.marketingAnalytics, subscriptionId: ARM_SCOPES.marketingAnalytics.split("/")[2], displayName: "Marketing Analytics", state: "Enabled" });
  });

  it("GET managementGroups shows the groups the caller holds a role on or above", async () => {
    const groups = async (who: Parameters<typeof h.token>[0]) =>
      (await h.allItems("/providers/Microsoft.Management/managementGroups?api-version=2021-04-01", await h.token(who))).map((g) => g.properties.displayName).sort();
    expect(await groups(ADMIN)).toEqual(["Production"]);
    expect(await groups(person("nestor"))).toEqual(["Contoso Root", "Production"]);
    expect(await groups(MEGAN)).toEqual([]);
    const [production] = await h.allItems("/providers/Microsoft.Management/managementGroups?api-version=2021-04-01", await h.token(ADMIN));
    expect(production).toMatchObject({ id: ARM_SCOPES.productionGroup, name: "contoso-production", type: "Microsoft.Management/managementGroups" });
  });
});
