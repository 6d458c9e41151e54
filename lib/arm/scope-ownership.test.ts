import { describe, expect, it } from "vitest";
import { inPagingOrder, scopeOwner } from "./scope-ownership";
import type { VisibleScope } from "./visible-scopes";

// Which listing shows a row, decided from ids alone so every page of the admin view can apply it by itself.

const group = (name: string): VisibleScope => ({ id: `/providers/Microsoft.Management/managementGroups/${name}`, displayName: name, kind: "Management group" });
const subscription = (guid: string, displayName = guid): VisibleScope => ({ id: `/subscriptions/${guid}`, displayName, kind: "Subscription" });

const ROOT = group("contoso-root");
const PROD = group("Contoso-Production");
const SUB_B = subscription("bbbbbbbb-0000-4000-8000-000000000000", "Alpha");
const SUB_A = subscription("AAAAAAAA-0000-4000-8000-000000000000", "Zulu");
const SCOPES = [ROOT, SUB_B, PROD, SUB_A];

describe("inPagingOrder", () => {
  it("puts subscriptions first, then management groups, each by id case-insensitively, not by name or ARM's order", () => {
    expect(inPagingOrder(SCOPES)).toEqual([SUB_A, SUB_B, PROD, ROOT]);
    expect(inPagingOrder([...SCOPES].reverse())).toEqual([SUB_A, SUB_B, PROD, ROOT]);
  });
});

describe("scopeOwner", () => {
  const ownerOf = scopeOwner(SCOPES);

  it("gives a row at or under a visible subscription to that subscription, whatever the spelling", () => {
    expect(ownerOf(SUB_B.id)).toBe(SUB_B);
    expect(ownerOf(`${SUB_A.id.toLowerCase()}/resourceGroups/rg-web/providers/Microsoft.KeyVault/vaults/kv`)).toBe(SUB_A);
  });

  it("gives a row at a visible management group to that group only, not to the groups above it", () => {
    expect(ownerOf(PROD.id.toUpperCase())).toBe(PROD);
    expect(ownerOf(ROOT.id)).toBe(ROOT);
  });

  it("gives no listing a row under a subscription or at a group the user does not see, nor at the tenant root", () => {
    expect(ownerOf("/subscriptions/cccccccc-0000-4000-8000-000000000000/resourceGroups/rg")).toBeUndefined();
    expect(ownerOf(group("finance").id)).toBeUndefined();
    expect(ownerOf("/")).toBeUndefined();
  });

  it("does not take a group for a subscription of the same spelling, or a look-alike prefix for a subscription", () => {
    expect(ownerOf(`${SUB_B.id}0/resourceGroups/rg`)).toBeUndefined();
    expect(scopeOwner([{ ...SUB_A, kind: "Management group" }])(SUB_A.id)).toBeUndefined();
  });
});
