// The rest of the hand-made seed: for each kind, one request in every status of the spec's enum, spread over every
// scope level (management groups, subscriptions, resource groups, resources) and over Lee and the colleagues, with
// justifications, ticket numbers, conditions on storage data roles and each expiration type; plus a few rows that
// give the demo people their own history (Megan's denied request, Lee's pending one, Adele's provisioned one) and
// the other principal types (a group, a service principal).

import { ADMIN, LEE, MEGAN } from "../../demo-tenant";
import type { RequestType } from "../model/records";
import { REQUEST_KINDS } from "../model/request-kinds";
import { ARM_REQUEST_STATUSES } from "../model/statuses";
import { DEPLOY_PIPELINE_APP, FINANCE_APPROVERS_GROUP, person } from "./principals";
import type { RequestSpec } from "./request-builder";
import type { RoleKey } from "./role-definitions";
import type { ScopeKey } from "./scopes-seed";

const SCOPE_CYCLE: readonly ScopeKey[] = [
  "rootGroup",
  "productionGroup",
  "contosoProduction",
  "rgPayments",
  "paymentsStorage",
  "contosoDevelopment",
  "rgWebDev",
  "marketingAnalytics",
  "rgMarketingCampaigns",
  "campaignStorage",
  "financeRestricted",
  "rgLedger",
  "ledgerKeyVault",
  "contosoSandbox",
  "rgExperiments",
  "rgWebProd",
  "paymentsKeyVault",
];

const PEOPLE_CYCLE = ["alex", "diego", "lynne", "isaiah", "nestor", "joni", "grady", "pradeep", "johanna", "lee"] as const;

const CONTROL_ROLES: readonly RoleKey[] = ["contributor", "reader", "virtualMachineContributor", "owner", "userAccessAdministrator"];

const TYPES: Record<"assignment" | "eligibility", readonly RequestType[]> = {
  assignment: ["SelfActivate", "SelfActivate", "AdminAssign", "SelfActivate", "SelfExtend", "AdminUpdate", "SelfActivate", "AdminExtend", "SelfRenew", "AdminRenew", "SelfDeactivate", "AdminRemove"],
  eligibility: ["AdminAssign", "SelfExtend", "AdminUpdate", "SelfRenew", "AdminExtend", "AdminRenew", "AdminAssign", "AdminRemove"],
};

const JUSTIFICATIONS = [
  "Investigate failed nightly deployment",
  "Quarterly access review follow-up",
  "Restore a deleted blob container for Legal",
  "Patch the web tier for the security bulletin",
  "Onboard the new analytics workspace",
  "Month-end close reconciliation",
  "Cost optimisation: right-size virtual machines",
  "Incident bridge: payments latency",
];

function roleFor(scope: ScopeKey, index: number): RoleKey {
  if (scope.endsWith("Storage")) return "storageBlobDataReader";
  if (scope.endsWith("KeyVault")) return "keyVaultSecretsUser";
  return CONTROL_ROLES[index % CONTROL_ROLES.length]!;
}

function statusCoverage(): RequestSpec[] {
  return REQUEST_KINDS.flatMap(({ kind }, kindIndex) =>
    ARM_REQUEST_STATUSES.map((status, i): RequestSpec => {
      const n = i + kindIndex * 5;
      const scope = SCOPE_CYCLE[n % SCOPE_CYCLE.length]!;
      const role = roleFor(scope, n);
      const types = TYPES[kind];
      return {
        key: `status:${status}`,
        kind,
        scope,
        role,
        principalId: person(PEOPLE_CYCLE[n % PEOPLE_CYCLE.length]!).oid,
        requestType: types[n % types.length]!,
        status,
        createdDaysAgo: 1 + ((n * 1.7) % 40),
        justification: n % 7 === 3 ? null : JUSTIFICATIONS[n % JUSTIFICATIONS.length]!,
        ...(n % 3 === 0 ? { ticket: { number: `INC-${20000 + n * 37}`, system: "ServiceNow" } } : {}),
        ...(role === "storageBlobDataReader" && n % 2 === 0 ? { condition: true } : {}),
        ...(n % 5 === 2 && types[n % types.length]!.startsWith("Admin") ? { expiration: "NoExpiration" as const } : {}),
      };
    }),
  );
}

const PEOPLE_HISTORY: readonly RequestSpec[] = [
  {
    key: "megan:denied",
    kind: "assignment",
    scope: "rgMarketingCampaigns",
    role: "owner",
    principalId: MEGAN.oid,
    requestType: "SelfActivate",
    status: "Denied",
    createdDaysAgo: 12,
    justification: "Add the agency as guests",
  },
  {
    key: "lee:pending",
    kind: "assignment",
    scope: "marketingAnalytics",
    role: "contributor",
    principalId: LEE.oid,
    requestType: "SelfActivate",
    status: "PendingApproval",
    createdDaysAgo: 0.3,
    justification: "Fix the broken campaign pipeline",
  },
  {
    key: "adele:provisioned",
    kind: "assignment",
    scope: "rgWebProd",
    role: "contributor",
    principalId: ADMIN.oid,
    requestType: "SelfActivate",
    status: "Provisioned",
    createdDaysAgo: 6,
    justification: "Certificate renewal on the production web app",
  },
  {
    key: "adele:canceled",
    kind: "eligibility",
    scope: "marketingAnalytics",
    role: "reader",
    principalId: ADMIN.oid,
    requestType: "SelfRenew",
    status: "Canceled",
    createdDaysAgo: 9,
    justification: "Renew read access for the campaign review",
  },
  {
    key: "group:finance-approvers",
    kind: "eligibility",
    scope: "financeRestricted",
    role: "reader",
    principalId: FINANCE_APPROVERS_GROUP.id,
    requestType: "AdminAssign",
    status: "Provisioned",
    createdDaysAgo: 30,
    requestorId: person("pradeep").oid,
    justification: "Approvers review ledger changes",
    expiration: "NoExpiration",
  },
  {
    key: "app:deploy-pipeline",
    kind: "assignment",
    scope: "rgWebProd",
    role: "contributor",
    principalId: DEPLOY_PIPELINE_APP.id,
    requestType: "AdminAssign",
    status: "Provisioned",
    createdDaysAgo: 40,
    requestorId: ADMIN.oid,
    justification: "Deployment pipeline for the production web app",
    expiration: "NoExpiration",
  },
];

export function coverageSpecs(): RequestSpec[] {
  return [...statusCoverage(), ...PEOPLE_HISTORY];
}
