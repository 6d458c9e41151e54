// The requests the end-to-end tests look for by name (seed/landmarks.ts), one set per kind:
// - adminCancellable / adminNotCancellable: Adele's own, one awaiting a decision, one past cancelling (provisioning);
// - meganCancellable (PendingApproval) / meganGranted: Megan's, at a resource group of Marketing Analytics (where
//   Adele is Owner, so she may cancel them, and Lee is Reader, so he may not);
// - colleagueCancellable: a colleague's, in Contoso Production, which Adele owns;
// - restrictedCancellable: a colleague's in Finance Restricted, which Adele cannot see at all.

import { ADMIN, MEGAN } from "../../demo-tenant";
import type { RequestKind } from "../model/request-kinds";
import { person } from "./principals";
import type { RequestSpec } from "./request-builder";

export const LANDMARK_NAMES = [
  "adminCancellable",
  "adminNotCancellable",
  "meganCancellable",
  "meganGranted",
  "colleagueCancellable",
  "restrictedCancellable",
] as const;

export type LandmarkName = (typeof LANDMARK_NAMES)[number];

const ASSIGNMENT: Record<LandmarkName, Omit<RequestSpec, "kind" | "key">> = {
  adminCancellable: {
    scope: "paymentsKeyVault",
    role: "keyVaultSecretsUser",
    principalId: ADMIN.oid,
    requestType: "SelfActivate",
    status: "PendingApproval",
    createdDaysAgo: 0.2,
    justification: "Rotate the payment gateway's TLS certificate before Friday's release",
    ticket: { number: "CHG-4821", system: "ServiceNow" },
    approverIds: [person("nestor").oid],
  },
  adminNotCancellable: {
    scope: "contosoDevelopment",
    role: "contributor",
    principalId: ADMIN.oid,
    requestType: "SelfActivate",
    status: "PendingProvisioning",
    createdDaysAgo: 0.05,
    justification: "Redeploy the staging web app after the runtime upgrade",
  },
  meganCancellable: {
    scope: "rgMarketingCampaigns",
    role: "contributor",
    principalId: MEGAN.oid,
    requestType: "SelfActivate",
    status: "PendingApproval",
    createdDaysAgo: 0.5,
    justification: "Publish the spring campaign dashboards",
  },
  meganGranted: {
    scope: "rgMarketingCampaigns",
    role: "storageBlobDataReader",
    principalId: MEGAN.oid,
    requestType: "SelfActivate",
    status: "Granted",
    createdDaysAgo: 1.5,
    justification: "Export last quarter's campaign results for the board pack",
    condition: true,
  },
  colleagueCancellable: {
    scope: "contosoProduction",
    role: "contributor",
    principalId: person("johanna").oid,
    requestType: "SelfActivate",
    status: "PendingApproval",
    createdDaysAgo: 2,
    justification: "Scale out the payments API for the sales event",
    ticket: { number: "INC-30117", system: "ServiceNow" },
  },
  restrictedCancellable: {
    scope: "financeRestricted",
    role: "reader",
    principalId: person("joni").oid,
    requestType: "SelfActivate",
    status: "PendingApproval",
    createdDaysAgo: 3,
    justification: "Review ledger access for the audit",
  },
};

const ELIGIBILITY: Record<LandmarkName, Omit<RequestSpec, "kind" | "key">> = {
  adminCancellable: {
    scope: "productionGroup",
    role: "userAccessAdministrator",
    principalId: ADMIN.oid,
    requestType: "AdminAssign",
    status: "Granted",
    createdDaysAgo: 1,
    justification: "Adele takes over access reviews for Production",
    ticket: { number: "REQ-1182", system: "ServiceNow" },
  },
  adminNotCancellable: {
    scope: "contosoSandbox",
    role: "contributor",
    principalId: ADMIN.oid,
    requestType: "AdminAssign",
    status: "PendingProvisioning",
    createdDaysAgo: 0.1,
    justification: "Sandbox experiments for the identity roadmap",
  },
  meganCancellable: {
    scope: "rgMarketingCampaigns",
    role: "contributor",
    principalId: MEGAN.oid,
    requestType: "SelfExtend",
    status: "PendingApproval",
    createdDaysAgo: 0.7,
    justification: "Keep campaign publishing rights for the next quarter",
  },
  meganGranted: {
    scope: "rgMarketingCampaigns",
    role: "storageBlobDataReader",
    principalId: MEGAN.oid,
    requestType: "AdminAssign",
    status: "Granted",
    createdDaysAgo: 2.5,
    requestorId: ADMIN.oid,
    justification: "Megan reads campaign exports from next week",
    condition: true,
  },
  colleagueCancellable: {
    scope: "rgPayments",
    role: "virtualMachineContributor",
    principalId: person("isaiah").oid,
    requestType: "SelfRenew",
    status: "PendingAdminDecision",
    createdDaysAgo: 4,
    justification: "Renew eligibility for the on-call rota",
  },
  restrictedCancellable: {
    scope: "ledgerKeyVault",
    role: "keyVaultSecretsUser",
    principalId: person("grady").oid,
    requestType: "SelfExtend",
    status: "PendingApproval",
    createdDaysAgo: 5,
    justification: "Extend access to the invoice signing secret",
    ticket: { number: "FIN-207", system: "Jira" },
  },
};

const SPECS: Record<RequestKind, Record<LandmarkName, Omit<RequestSpec, "kind" | "key">>> = { assignment: ASSIGNMENT, eligibility: ELIGIBILITY };

export function landmarkSpec(kind: RequestKind, landmark: LandmarkName): RequestSpec {
  return { ...SPECS[kind][landmark], kind, key: `landmark:${landmark}` };
}
