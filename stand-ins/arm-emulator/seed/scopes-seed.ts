// Contoso's Azure estate: two management groups ("Contoso Root" holding "Production"), five subscriptions, their
// resource groups and a few resources (storage accounts, key vaults), so requests exist at every scope level the
// contract names (management group, subscription, resource group, resource). Ids derive from names
// (graph-emulator seed-kit `uuidFrom`), so they are the same in every run.

import { uuidFrom } from "../../graph-emulator/seed/seed-kit";
import type { ScopeNode } from "../model/records";
import { TENANT_ROOT_ID } from "../model/scope-tree";

const group = (name: string) => `/providers/Microsoft.Management/managementGroups/${name}`;
const subscriptionId = (name: string) => uuidFrom(`arm:subscription:${name}`);
const subscription = (name: string) => `/subscriptions/${subscriptionId(name)}`;
const resourceGroup = (sub: string, rg: string) => `${subscription(sub)}/resourceGroups/${rg}`;
const resource = (sub: string, rg: string, typePath: string, name: string) => `${resourceGroup(sub, rg)}/providers/${typePath}/${name}`;

export const SUBSCRIPTION_IDS = {
  contosoProduction: subscriptionId("contoso-production"),
  contosoDevelopment: subscriptionId("contoso-development"),
  marketingAnalytics: subscriptionId("marketing-analytics"),
  financeRestricted: subscriptionId("finance-restricted"),
  contosoSandbox: subscriptionId("contoso-sandbox"),
} as const;

/** Every seeded scope id by a readable key (tests and landmarks use these). */
export const ARM_SCOPES = {
  tenantRoot: TENANT_ROOT_ID,
  rootGroup: group("contoso-root"),
  productionGroup: group("contoso-production"),
  contosoProduction: subscription("contoso-production"),
  contosoDevelopment: subscription("contoso-development"),
  marketingAnalytics: subscription("marketing-analytics"),
  financeRestricted: subscription("finance-restricted"),
  contosoSandbox: subscription("contoso-sandbox"),
  rgPayments: resourceGroup("contoso-production", "rg-payments"),
  rgWebProd: resourceGroup("contoso-production", "rg-web-prod"),
  rgWebDev: resourceGroup("contoso-development", "rg-web-dev"),
  rgMarketingCampaigns: resourceGroup("marketing-analytics", "rg-marketing-campaigns"),
  rgLedger: resourceGroup("finance-restricted", "rg-ledger"),
  rgExperiments: resourceGroup("contoso-sandbox", "rg-experiments"),
  paymentsStorage: resource("contoso-production", "rg-payments", "Microsoft.Storage/storageAccounts", "stpaymentsprod"),
  paymentsKeyVault: resource("contoso-production", "rg-payments", "Microsoft.KeyVault/vaults", "kv-payments-prod"),
  campaignStorage: resource("marketing-analytics", "rg-marketing-campaigns", "Microsoft.Storage/storageAccounts", "stcampaigndata"),
  ledgerKeyVault: resource("finance-restricted", "rg-ledger", "Microsoft.KeyVault/vaults", "kv-ledger"),
} as const;

export type ScopeKey = keyof typeof ARM_SCOPES;

const S = ARM_SCOPES;
const lastSegment = (id: string) => id.slice(id.lastIndexOf("/") + 1);

export const SEED_SCOPES: readonly ScopeNode[] = [
  { id: S.tenantRoot, displayName: "Tenant Root", type: "tenant", parentId: undefined },
  { id: S.rootGroup, displayName: "Contoso Root", type: "managementgroup", parentId: S.tenantRoot },
  { id: S.productionGroup, displayName: "Production", type: "managementgroup", parentId: S.rootGroup },
  { id: S.contosoProduction, displayName: "Contoso Production", type: "subscription", parentId: S.productionGroup },
  { id: S.contosoDevelopment, displayName: "Contoso Development", type: "subscription", parentId: S.productionGroup },
  { id: S.marketingAnalytics, displayName: "Marketing Analytics", type: "subscription", parentId: S.rootGroup },
  { id: S.financeRestricted, displayName: "Finance Restricted", type: "subscription", parentId: S.rootGroup },
  { id: S.contosoSandbox, displayName: "Contoso Sandbox", type: "subscription", parentId: S.rootGroup },
  ...(
    [
      [S.rgPayments, S.contosoProduction],
      [S.rgWebProd, S.contosoProduction],
      [S.rgWebDev, S.contosoDevelopment],
      [S.rgMarketingCampaigns, S.marketingAnalytics],
      [S.rgLedger, S.financeRestricted],
      [S.rgExperiments, S.contosoSandbox],
    ] as const
  ).map(([id, parentId]): ScopeNode => ({ id, displayName: lastSegment(id), type: "resourcegroup", parentId })),
  ...(
    [
      [S.paymentsStorage, S.rgPayments],
      [S.paymentsKeyVault, S.rgPayments],
      [S.campaignStorage, S.rgMarketingCampaigns],
      [S.ledgerKeyVault, S.rgLedger],
    ] as const
  ).map(([id, parentId]): ScopeNode => ({ id, displayName: lastSegment(id), type: "resource", parentId })),
];
