// The PIM v2 catalogue behind category A (contract §3): governance resources per provider — Azure subscriptions
// and resource groups, the tenant itself for Entra roles, a few PIM groups (reusing the C group ids) — and the
// role definitions on each. Azure and Entra role template ids are the real built-in ones.

import { DEMO_TENANT_ID } from "../../demo-tenant";
import type { GroupRecord } from "../model";
import type { GovernanceProvider, GovernanceResourceRecord, GovernanceRoleDefinitionRecord } from "../model-roles";
import { groupId } from "./directory-seed";
import { daysAgo, uuidFrom } from "./seed-kit";

const SUBSCRIPTIONS = { prod: uuidFrom("azure-subscription:contoso-production"), dev: uuidFrom("azure-subscription:contoso-dev-test") };

interface ResourceSpec {
  key: string;
  provider: GovernanceProvider;
  type: string;
  displayName: string;
  externalId: string;
  parent?: string;
  ageDays: number;
}

// prettier-ignore
const AZURE_RESOURCES: readonly ResourceSpec[] = [
  { key: "sub-prod", provider: "azureResources", type: "Subscription", displayName: "Contoso Production", externalId: `/subscriptions/${SUBSCRIPTIONS.prod}`, ageDays: 700 },
  { key: "sub-dev", provider: "azureResources", type: "Subscription", displayName: "Contoso Dev/Test", externalId: `/subscriptions/${SUBSCRIPTIONS.dev}`, ageDays: 650 },
  { key: "rg-payments", provider: "azureResources", type: "ResourceGroup", displayName: "rg-payments", externalId: `/subscriptions/${SUBSCRIPTIONS.prod}/resourceGroups/rg-payments`, parent: "sub-prod", ageDays: 500 },
  { key: "rg-marketing-analytics", provider: "azureResources", type: "ResourceGroup", displayName: "rg-marketing-analytics", externalId: `/subscriptions/${SUBSCRIPTIONS.dev}/resourceGroups/rg-marketing-analytics`, parent: "sub-dev", ageDays: 300 },
];

/** The C groups that are also onboarded to PIM v2 (aadGroups provider). */
export const GOVERNANCE_GROUP_KEYS = ["security-operators", "subscription-owners", "helpdesk-tier-2", "campaign-editors"] as const;

/** Azure built-in roles (template ids are Azure's own). */
const AZURE_ROLES: ReadonlyArray<[string, string]> = [
  ["Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"],
  ["Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c"],
  ["Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7"],
  ["User Access Administrator", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"],
];

/** Entra built-in roles; for the aadroles provider the role definition id is the template id. */
const ENTRA_ROLES: ReadonlyArray<[string, string]> = [
  ["Global Reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451"],
  ["Security Reader", "5d6b6bb7-de71-4623-b4af-96380a352509"],
  ["User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1"],
  ["Exchange Administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de"],
  ["Reports Reader", "4a5d8f65-41da-4de4-8968-e035b65339cf"],
  ["Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814"],
];

/** **Inference**: PIM v2 group roles are "member" and "owner"; we give each group its own ids for them. */
const GROUP_ROLES: ReadonlyArray<[string, string]> = [
  ["Member", "member"],
  ["Owner", "owner"],
];

export const TENANT_RESOURCE_KEY = "tenant";

/** The resource id for a resource key ("sub-prod", "tenant", or a C group key). */
export function governanceResourceId(key: string): string {
  if (key === TENANT_RESOURCE_KEY) return DEMO_TENANT_ID;
  if ((GOVERNANCE_GROUP_KEYS as readonly string[]).includes(key)) return groupId(key);
  return uuidFrom(`governance-resource:${key}`);
}

export function governanceProviderOf(key: string): GovernanceProvider {
  if (key === TENANT_RESOURCE_KEY) return "aadroles";
  if ((GOVERNANCE_GROUP_KEYS as readonly string[]).includes(key)) return "aadGroups";
  if (AZURE_RESOURCES.some((r) => r.key === key)) return "azureResources";
  throw new Error(`No governance resource ${key}`);
}

/** The role definition id of `roleName` on the resource `key`. */
export function governanceRoleId(key: string, roleName: string): string {
  const provider = governanceProviderOf(key);
  if (provider === "aadroles") {
    const role = ENTRA_ROLES.find(([name]) => name === roleName);
    if (!role) throw new Error(`No Entra role ${roleName}`);
    return role[1];
  }
  const roles = provider === "azureResources" ? AZURE_ROLES : GROUP_ROLES;
  if (!roles.some(([name]) => name === roleName)) throw new Error(`No ${provider} role ${roleName}`);
  return uuidFrom(`governance-role:${key}:${roleName}`);
}

function resourceSpecs(groups: readonly GroupRecord[]): ResourceSpec[] {
  const groupSpecs = GOVERNANCE_GROUP_KEYS.map((key): ResourceSpec => {
    const group = groups.find((g) => g.id === groupId(key));
    if (!group) throw new Error(`No seeded group ${key}`);
    return { key, provider: "aadGroups", type: "Group", displayName: group.displayName, externalId: group.id, ageDays: 280 };
  });
  const tenant: ResourceSpec = { key: TENANT_RESOURCE_KEY, provider: "aadroles", type: "Tenant", displayName: "Contoso", externalId: DEMO_TENANT_ID, ageDays: 900 };
  return [...AZURE_RESOURCES, tenant, ...groupSpecs];
}

export function buildGovernanceCatalog(groups: readonly GroupRecord[]): {
  governanceResources: GovernanceResourceRecord[];
  governanceRoleDefinitions: GovernanceRoleDefinitionRecord[];
} {
  const specs = resourceSpecs(groups);
  const governanceResources = specs.map((spec): GovernanceResourceRecord => {
    const parent = spec.parent ? specs.find((s) => s.key === spec.parent) : undefined;
    return {
      id: governanceResourceId(spec.key),
      provider: spec.provider,
      externalId: spec.externalId,
      type: spec.type,
      displayName: spec.displayName,
      status: "Active",
      createdDateTime: daysAgo(spec.ageDays),
      registeredRoot: parent?.externalId ?? spec.externalId,
      parentId: parent ? governanceResourceId(parent.key) : null,
    };
  });
  const governanceRoleDefinitions = specs.flatMap((spec) => {
    const roles = spec.provider === "azureResources" ? AZURE_ROLES : spec.provider === "aadroles" ? ENTRA_ROLES : GROUP_ROLES;
    return roles.map(([displayName, templateId]): GovernanceRoleDefinitionRecord => ({
      id: governanceRoleId(spec.key, displayName),
      resourceId: governanceResourceId(spec.key),
      externalId: spec.provider === "azureResources" ? `${spec.externalId}/providers/Microsoft.Authorization/roleDefinitions/${templateId}` : templateId,
      displayName,
      templateId,
      createdDateTime: daysAgo(spec.ageDays),
    }));
  });
  return { governanceResources, governanceRoleDefinitions };
}
