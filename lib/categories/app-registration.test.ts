import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATEGORY_REGISTRY, registeredScopes } from "@/lib/categories/registry";

// The checked-in app registration (app-registration/manifest.json) must ask for exactly the Graph permissions the
// categories use: one missing and a category can never work, one too many and admins are asked to consent to more
// than the app needs. The manifest holds only permission ids, so names come from the sibling id → name map.

const MICROSOFT_GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
// Azure Resource Manager's app registration ("Windows Azure Service Management API") and its one delegated
// permission, user_impersonation, as Entra lists them for every tenant.
const AZURE_SERVICE_MANAGEMENT_APP_ID = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
const USER_IMPERSONATION_ID = "41094075-9dad-400e-a0bd-54e686782033";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface ResourceAccess {
  id: string;
  type: string;
}
interface Manifest {
  signInAudience: string;
  spa: { redirectUris: string[] };
  requiredResourceAccess: { resourceAppId: string; resourceAccess: ResourceAccess[] }[];
}

function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(new URL(`../../app-registration/${relativePath}`, import.meta.url), "utf8")) as T;
}

const manifest = readJson<Manifest>("manifest.json");
const namesById = readJson<Record<string, string>>("graph-permission-names.json");
const graph = manifest.requiredResourceAccess.find((r) => r.resourceAppId === MICROSOFT_GRAPH_APP_ID);
const graphAccess = graph?.resourceAccess ?? [];

describe("the app registration manifest", () => {
  it("asks for Microsoft Graph and Azure Resource Manager only", () => {
    expect(manifest.requiredResourceAccess.map((r) => r.resourceAppId)).toEqual([MICROSOFT_GRAPH_APP_ID, AZURE_SERVICE_MANAGEMENT_APP_ID]);
  });

  it("asks Azure Resource Manager for user_impersonation, the one permission its categories use", () => {
    const arm = manifest.requiredResourceAccess.find((r) => r.resourceAppId === AZURE_SERVICE_MANAGEMENT_APP_ID);
    expect(arm?.resourceAccess).toEqual([{ id: USER_IMPERSONATION_ID, type: "Scope" }]);
    expect(registeredScopes("arm")).toEqual(["user_impersonation"]);
  });

  it("asks for delegated permissions only, each once, by GUID", () => {
    expect(graphAccess.length).toBeGreaterThan(0);
    for (const access of graphAccess) {
      expect(access.type).toBe("Scope");
      expect(access.id).toMatch(GUID);
    }
    const ids = graphAccess.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("names every id in the id → name map, and nothing else", () => {
    expect(Object.keys(namesById).sort()).toEqual(graphAccess.map((a) => a.id).sort());
    for (const [id, name] of Object.entries(namesById)) {
      expect(id).toMatch(GUID);
      expect(name, id).not.toMatch(/UNVERIFIED/i);
    }
    const names = Object.values(namesById);
    expect(new Set(names).size).toBe(names.length);
  });

  it("asks for exactly User.Read and the permissions the categories sign in with", () => {
    const names = graphAccess.map((a) => namesById[a.id]);
    expect(names.sort()).toEqual([...new Set(["User.Read", ...registeredScopes("graph")])].sort());
  });

  it("covers each category's least privileged cancel permission", () => {
    const requested = new Set(graphAccess.map((a) => namesById[a.id]));
    for (const category of CATEGORY_REGISTRY.filter((c) => c.upstream === "graph")) {
      const { cancelAll, cancelMine } = category.permissions;
      for (const leastPrivileged of [cancelAll[0], cancelMine[0]]) {
        expect(requested.has(leastPrivileged), `${category.summary.slug}: ${leastPrivileged}`).toBe(true);
      }
    }
  });

  it("is a single-page application with the app's three redirect paths, for any organization", () => {
    expect(manifest.signInAudience).toBe("AzureADMultipleOrgs");
    expect(manifest.spa.redirectUris.map((uri) => uri.replace("https://<your-host>", ""))).toEqual(["/", "/redirect", "/admin-consent"]);
  });
});
