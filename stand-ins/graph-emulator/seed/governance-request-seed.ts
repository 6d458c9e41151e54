// Seeded PIM v2 role assignment requests (category A, contract §3): every documented sub-status across the three
// providers, for Adele, Megan and colleagues; each of them has cancellable and non-cancellable requests. Reasons
// are unique so tests can find a row by its text.

import { ADMIN, DEMO_PEOPLE } from "../../demo-tenant";
import type { GovernanceRoleRequestRecord, GovernanceSchedule } from "../model-roles";
import { governanceStatusOf } from "../collections/role-request-status";
import { governanceProviderOf, governanceResourceId, governanceRoleId } from "./governance-seed";
import { daysAgo, daysAhead, plusHours, uuidFrom } from "./seed-kit";

export interface GovernanceRequestRow {
  landmark?: string;
  who: string;
  /** A resource key from governance-seed.ts ("sub-prod", "tenant", a C group key). */
  resource: string;
  role: string;
  subStatus: string;
  type: string;
  state: "Active" | "Eligible";
  ageDays: number;
  reason: string;
}

const A = ADMIN.userPrincipalName;
const M = "megan@contoso.test";

// prettier-ignore
export const GOVERNANCE_REQUEST_ROWS: readonly GovernanceRequestRow[] = [
  { landmark: "adminCancellable", who: A, resource: "sub-prod", role: "Owner", subStatus: "PendingApproval", type: "UserAdd", state: "Active", ageDays: 1.4, reason: "Apply the emergency network security group change on the production subscription" },
  { who: A, resource: "helpdesk-tier-2", role: "Member", subStatus: "Granted", type: "UserAdd", state: "Active", ageDays: 2.5, reason: "Cover second-line password resets during the service desk upgrade" },
  { who: A, resource: "sub-dev", role: "User Access Administrator", subStatus: "PendingApprovalProvisioning", type: "UserAdd", state: "Active", ageDays: 0.7, reason: "Grant the test automation identity access to the dev/test subscription" },
  { landmark: "adminNotCancellable", who: A, resource: "tenant", role: "Exchange Administrator", subStatus: "PendingProvisioning", type: "UserAdd", state: "Active", ageDays: 0.06, reason: "Release the quarantined messages from the phishing simulation" },
  { landmark: "adminClosed", who: A, resource: "rg-payments", role: "Contributor", subStatus: "Provisioned", type: "UserAdd", state: "Active", ageDays: 8, reason: "Rotate the payment gateway storage account keys" },
  { who: A, resource: "security-operators", role: "Owner", subStatus: "Canceled", type: "UserAdd", state: "Active", ageDays: 21, reason: "Take ownership of the security operators group during the reorganisation" },
  { who: A, resource: "tenant", role: "Global Reader", subStatus: "TimedOut", type: "UserAdd", state: "Active", ageDays: 30, reason: "Review the tenant-wide settings for the external audit" },
  { landmark: "meganCancellable", who: M, resource: "campaign-editors", role: "Member", subStatus: "PendingApproval", type: "UserAdd", state: "Active", ageDays: 0.9, reason: "Publish the holiday gift guide pages to the campaign site" },
  { who: M, resource: "rg-marketing-analytics", role: "Reader", subStatus: "PendingAdminDecision", type: "UserAdd", state: "Active", ageDays: 3.2, reason: "Read the campaign attribution dashboards in the analytics resource group" },
  { who: M, resource: "tenant", role: "Reports Reader", subStatus: "Granted", type: "UserAdd", state: "Active", ageDays: 1.9, reason: "Pull the Microsoft 365 adoption reports for the marketing review" },
  { landmark: "meganNotCancellable", who: M, resource: "sub-dev", role: "Reader", subStatus: "ProvisioningStarted", type: "UserAdd", state: "Active", ageDays: 0.11, reason: "Inspect the dev/test costs of the campaign microsites" },
  { landmark: "meganClosed", who: M, resource: "rg-marketing-analytics", role: "Contributor", subStatus: "Denied", type: "UserAdd", state: "Active", ageDays: 12, reason: "Deploy the new tag manager container to the analytics workspace" },
  { who: M, resource: "campaign-editors", role: "Owner", subStatus: "AdminDenied", type: "UserAdd", state: "Active", ageDays: 19, reason: "Become owner of the campaign editors group to add the agency staff" },
  { who: M, resource: "tenant", role: "Reports Reader", subStatus: "Canceled", type: "UserAdd", state: "Active", ageDays: 27, reason: "Export last quarter's Teams usage for the event recap" },
  { landmark: "colleagueCancellable", who: "johanna@contoso.test", resource: "rg-payments", role: "Contributor", subStatus: "PendingAdminDecision", type: "UserAdd", state: "Active", ageDays: 1.6, reason: "Scale out the payment API app service plan for Black Friday" },
  { landmark: "colleagueNotCancellable", who: "diego@contoso.test", resource: "tenant", role: "User Administrator", subStatus: "PendingEvaluation", type: "UserAdd", state: "Active", ageDays: 0.09, reason: "Update the job titles for the HR reorganisation" },
  { landmark: "colleagueClosed", who: "nestor@contoso.test", resource: "sub-prod", role: "Reader", subStatus: "Revoked", type: "UserRemove", state: "Active", ageDays: 24, reason: "Deactivation request: the operations cost review is finished" },
  { who: "lee@contoso.test", resource: "subscription-owners", role: "Member", subStatus: "Accepted", type: "UserAdd", state: "Active", ageDays: 0.03, reason: "Approve the reserved instance renewals for the production subscription" },
  { who: "lee@contoso.test", resource: "sub-prod", role: "Owner", subStatus: "AdminApproved", type: "AdminAdd", state: "Eligible", ageDays: 4, reason: "Make the director eligible for production ownership during the cost review" },
  { who: "isaiah@contoso.test", resource: "campaign-editors", role: "Member", subStatus: "Failed", type: "UserAdd", state: "Active", ageDays: 16, reason: "Post the partner offer to the campaign site" },
  { who: "johanna@contoso.test", resource: "rg-payments", role: "Owner", subStatus: "FailedAsResourceIsLocked", type: "UserAdd", state: "Active", ageDays: 9, reason: "Remove the delete lock on the payments key vault" },
  { who: "pradeep@contoso.test", resource: "sub-prod", role: "Reader", subStatus: "PendingRevocation", type: "AdminRemove", state: "Eligible", ageDays: 0.5, reason: "Remove the accountant's standing reader eligibility after the audit" },
  { who: "alex@contoso.test", resource: "rg-marketing-analytics", role: "Reader", subStatus: "PendingApproval", type: "UserAdd", state: "Active", ageDays: 2.2, reason: "Check the newsletter conversion queries in the analytics workspace" },
  { who: "joni@contoso.test", resource: "tenant", role: "Security Reader", subStatus: "Granted", type: "UserAdd", state: "Active", ageDays: 3.8, reason: "Review the eDiscovery alerts for litigation 2026-131" },
  { who: "grady@contoso.test", resource: "campaign-editors", role: "Member", subStatus: "PendingApprovalProvisioning", type: "UserAdd", state: "Active", ageDays: 1.1, reason: "Upload the new banner artwork to the campaign site" },
  { who: "lynne@contoso.test", resource: "sub-dev", role: "Contributor", subStatus: "Denied", type: "UserAdd", state: "Active", ageDays: 33, reason: "Deploy the event registration prototype" },
  { who: "lee@contoso.test", resource: "tenant", role: "Global Reader", subStatus: "Provisioned", type: "AdminAdd", state: "Eligible", ageDays: 40, reason: "Eligible global reader for the director's quarterly access review" },
];

const oidOf = (upn: string): string => {
  const person = DEMO_PEOPLE.find((p) => p.userPrincipalName === upn);
  if (!person) throw new Error(`No demo person ${upn}`);
  return person.oid;
};

/** An activation evaluates the role's rules; the docs example lists them as statusDetails key/value pairs. */
function statusDetails(row: Pick<GovernanceRequestRow, "type" | "subStatus">): Array<{ key: string; value: string }> {
  if (row.type !== "UserAdd") return [];
  const approval = ["PendingApproval", "PendingApprovalProvisioning", "PendingAdminDecision"].includes(row.subStatus)
    ? "PendingApproval"
    : ["Denied", "AdminDenied", "TimedOut"].includes(row.subStatus)
      ? "Deny"
      : "Grant";
  return ["EligibilityRule", "ExpirationRule", "MfaRule", "JustificationRule", "ActivationDayRule"]
    .map((key) => ({ key, value: "Grant" }))
    .concat([{ key: "ApprovalRule", value: approval }]);
}

/**
 * Removals carry no schedule (the docs example shows `schedule: null`). Activations last a duration; the docs
 * example writes their endDateTime as the .NET default "0001-01-01T00:00:00Z", which we keep so clients meet it.
 */
function scheduleFor(row: Pick<GovernanceRequestRow, "type" | "state" | "subStatus">, createdDateTime: string, index: number): GovernanceSchedule | null {
  if (row.type.endsWith("Remove")) return null;
  const start = row.subStatus === "Granted" ? daysAhead(1 + (index % 4)) : plusHours(createdDateTime, 0.01);
  if (row.state === "Active") return { type: "Once", startDateTime: start, endDateTime: "0001-01-01T00:00:00Z", duration: `PT${4 + (index % 5)}H` };
  return { type: "Once", startDateTime: start, endDateTime: plusHours(start, 24 * 180), duration: null };
}

export function governanceRequestRecord(index: number, row: Omit<GovernanceRequestRow, "who">, subjectId: string): GovernanceRoleRequestRecord {
  const createdDateTime = daysAgo(row.ageDays);
  const roleDefinitionId = governanceRoleId(row.resource, row.role);
  const activation = row.type === "UserAdd" && row.state === "Active";
  return {
    id: uuidFrom(`governance-request:${index}:${row.reason}`),
    createdDateTime,
    provider: governanceProviderOf(row.resource),
    resourceId: governanceResourceId(row.resource),
    roleDefinitionId,
    subjectId,
    // An activation names the eligible assignment it activates; anything else has "" (as the docs example shows).
    linkedEligibleRoleAssignmentId: activation ? uuidFrom(`governance-eligible-assignment:${subjectId}:${roleDefinitionId}`) : "",
    type: row.type,
    assignmentState: row.state,
    reason: row.reason,
    schedule: scheduleFor(row, createdDateTime, index),
    status: governanceStatusOf(row.subStatus),
    subStatus: row.subStatus,
    statusDetails: statusDetails(row),
  };
}

export function seedGovernanceRequests(): GovernanceRoleRequestRecord[] {
  return GOVERNANCE_REQUEST_ROWS.map((row, index) => governanceRequestRecord(index, row, oidOf(row.who)));
}
