// Seeded PIM v3 directory role requests (category E, contract §7): every PIM v3 status (§2) in both collections,
// for Adele, Megan, Lee and colleagues. Adele and Megan each have Granted (cancellable) and non-cancellable requests
// in both. The NotCancellable landmarks are open but past cancelling in either mode of eCancelPendingApproval
// (PendingScheduleCreation / PendingProvisioning): requests awaiting approval are cancellable by default
// (collections/role-request-status.ts), so none of them is a landmark. Role definitions are Entra built-ins with
// their real template ids.

import { ADMIN, DEMO_PEOPLE, LEE } from "../../demo-tenant";
import type { ExpirationPattern } from "../model";
import type { DirectoryRoleDefinitionRecord, DirectoryRoleRequestRecord } from "../model-roles";
import { FINAL_DIRECTORY_ROLE_STATUSES } from "../collections/role-request-status";
import { DIRECTORY_ROLE_DEFINITIONS, directoryRoleId } from "./directory-role-definitions";
import { daysAgo, daysAhead, plusHours, uuidFrom } from "./seed-kit";

export type DirectoryRoleRequestKind = "assignment" | "eligibility";

export interface DirectoryRoleRow {
  landmark?: string;
  who: string;
  role: string;
  status: string;
  action: string;
  ageDays: number;
  justification: string;
  ticket?: [string, string];
}

const A = ADMIN.userPrincipalName;
const M = "megan@contoso.test";
const L = LEE.userPrincipalName;

// prettier-ignore
export const DIRECTORY_ROLE_ASSIGNMENT_ROWS: readonly DirectoryRoleRow[] = [
  { landmark: "adminCancellable", who: A, role: "Exchange Administrator", status: "Granted", action: "selfActivate", ageDays: 0.9, justification: "Activate Exchange Administrator for the Saturday transport rule change", ticket: ["CHG0032210", "ServiceNow"] },
  { who: A, role: "Security Administrator", status: "PendingApproval", action: "selfActivate", ageDays: 0.3, justification: "Update the Conditional Access exclusions for the travel team" },
  { landmark: "adminNotCancellable", who: A, role: "User Administrator", status: "PendingProvisioning", action: "selfActivate", ageDays: 0.05, justification: "Restore the deleted accounts of the returning contractors" },
  { landmark: "adminClosed", who: A, role: "Groups Administrator", status: "Provisioned", action: "selfActivate", ageDays: 7, justification: "Fix the dynamic membership rule of the all-staff group" },
  { who: A, role: "Global Administrator", status: "Denied", action: "selfActivate", ageDays: 15, justification: "Accept the new Microsoft 365 service agreement" },
  { who: A, role: "Security Reader", status: "Granted", action: "selfActivate", ageDays: 2.6, justification: "Review the Secure Score recommendations with the CISO" },
  { landmark: "meganCancellable", who: M, role: "Reports Reader", status: "Granted", action: "selfActivate", ageDays: 1.2, justification: "Download the campaign mailbox usage report for the quarterly review" },
  { landmark: "meganNotCancellable", who: M, role: "Global Reader", status: "PendingScheduleCreation", action: "selfActivate", ageDays: 0.4, justification: "Check the external sharing settings before the influencer campaign" },
  { landmark: "meganClosed", who: M, role: "Reports Reader", status: "Provisioned", action: "selfActivate", ageDays: 10, justification: "Pull the Teams webinar attendance report for the spring launch" },
  { who: M, role: "Groups Administrator", status: "Canceled", action: "selfActivate", ageDays: 20, justification: "Rename the campaign distribution groups after the rebrand" },
  { who: M, role: "Global Reader", status: "Granted", action: "selfActivate", ageDays: 3.1, justification: "Audit the marketing app registrations before the agency handover" },
  { who: M, role: "Attribute Assignment Administrator", status: "Failed", action: "selfActivate", ageDays: 26, justification: "Tag the marketing accounts with the campaign region attribute" },
  { who: L, role: "Global Reader", status: "PendingAdminDecision", action: "selfActivate", ageDays: 0.2, justification: "Activate global reader to prepare the board report" },
  { who: L, role: "Exchange Administrator", status: "ScheduleCreated", action: "adminAssign", ageDays: 13, justification: "Assign the director Exchange admin for the mailbox consolidation" },
  { landmark: "colleagueCancellable", who: "johanna@contoso.test", role: "Security Administrator", status: "Granted", action: "selfActivate", ageDays: 0.7, justification: "Investigate the impossible travel alerts on the build service accounts" },
  { who: "diego@contoso.test", role: "User Administrator", status: "PendingApproval", action: "selfActivate", ageDays: 1.5, justification: "Create the accounts for the December HR starters" },
  { landmark: "colleagueClosed", who: "nestor@contoso.test", role: "Reports Reader", status: "Provisioned", action: "adminAssign", ageDays: 34, justification: "Assign reports reader to the operations director for the licence dashboard" },
  { who: "joni@contoso.test", role: "Security Reader", status: "Revoked", action: "adminRemove", ageDays: 38, justification: "Remove the paralegal's standing security reader role" },
  { who: "isaiah@contoso.test", role: "Directory Readers", status: "Denied", action: "selfActivate", ageDays: 17, justification: "Look up the new account managers in the directory" },
  { landmark: "colleagueNotCancellable", who: "pradeep@contoso.test", role: "Attribute Assignment Administrator", status: "PendingProvisioning", action: "selfActivate", ageDays: 0.15, justification: "Set the cost centre attribute for the finance interns" },
  { who: "grady@contoso.test", role: "Groups Administrator", status: "Canceled", action: "selfActivate", ageDays: 42, justification: "Clean up the stale design review groups" },
  { who: "lynne@contoso.test", role: "Helpdesk Administrator", status: "ScheduleCreated", action: "adminAssign", ageDays: 28, justification: "Assign helpdesk admin to the planner for the events kiosk accounts" },
];

// prettier-ignore
export const DIRECTORY_ROLE_ELIGIBILITY_ROWS: readonly DirectoryRoleRow[] = [
  { landmark: "adminCancellable", who: A, role: "Exchange Administrator", status: "Granted", action: "adminAssign", ageDays: 1.1, justification: "Make the identity lead eligible for Exchange Administrator during the migration" },
  { landmark: "adminNotCancellable", who: A, role: "Security Administrator", status: "PendingScheduleCreation", action: "adminAssign", ageDays: 0.25, justification: "Eligible security administrator for the incident response rota" },
  { landmark: "adminClosed", who: A, role: "Global Administrator", status: "Provisioned", action: "adminAssign", ageDays: 40, justification: "Eligible global administrator for break-glass cover", ticket: ["CHG0030456", "ServiceNow"] },
  { who: A, role: "User Administrator", status: "Granted", action: "selfExtend", ageDays: 2.9, justification: "Extend my user administrator eligibility through the year-end freeze" },
  { who: A, role: "Groups Administrator", status: "PendingApproval", action: "selfRenew", ageDays: 1.8, justification: "Renew my groups administrator eligibility after the access review" },
  { who: A, role: "Security Reader", status: "Revoked", action: "adminRemove", ageDays: 33, justification: "Remove the redundant security reader eligibility from the identity lead" },
  { landmark: "meganCancellable", who: M, role: "Reports Reader", status: "Granted", action: "selfExtend", ageDays: 0.6, justification: "Extend my reports reader eligibility for the spring campaign analytics" },
  { landmark: "meganNotCancellable", who: M, role: "Global Reader", status: "PendingProvisioning", action: "selfRenew", ageDays: 2.1, justification: "Renew my global reader eligibility for the marketing app audit" },
  { landmark: "meganClosed", who: M, role: "Groups Administrator", status: "ScheduleCreated", action: "adminAssign", ageDays: 12, justification: "Make the marketing manager eligible to manage the campaign groups" },
  { who: M, role: "Attribute Assignment Administrator", status: "Denied", action: "selfExtend", ageDays: 18, justification: "Extend the attribute assignment eligibility for the region tagging" },
  { who: M, role: "Directory Readers", status: "Granted", action: "selfRenew", ageDays: 3.4, justification: "Renew directory readers eligibility for the agency onboarding" },
  { who: M, role: "Reports Reader", status: "Canceled", action: "selfRenew", ageDays: 24, justification: "Renew reports reader eligibility before the fiscal year planning" },
  { who: L, role: "Privileged Role Administrator", status: "PendingAdminDecision", action: "selfExtend", ageDays: 0.45, justification: "Extend the director's privileged role administrator eligibility for the audit" },
  { who: L, role: "Global Reader", status: "Failed", action: "adminAssign", ageDays: 27, justification: "Eligible global reader for the director's board reporting" },
  { landmark: "colleagueCancellable", who: "johanna@contoso.test", role: "Security Operator", status: "Granted", action: "adminAssign", ageDays: 1.4, justification: "Make the senior engineer eligible for security operator on-call" },
  { landmark: "colleagueNotCancellable", who: "diego@contoso.test", role: "User Administrator", status: "PendingProvisioning", action: "adminAssign", ageDays: 0.1, justification: "Eligible user administrator for the HR onboarding season" },
  { landmark: "colleagueClosed", who: "nestor@contoso.test", role: "Reports Reader", status: "Provisioned", action: "adminExtend", ageDays: 30, justification: "Extend the operations director's reports reader eligibility" },
  { who: "joni@contoso.test", role: "Security Reader", status: "Revoked", action: "adminRemove", ageDays: 36, justification: "Remove the paralegal's security reader eligibility after the case closed" },
  { who: "isaiah@contoso.test", role: "Directory Readers", status: "ScheduleCreated", action: "adminAssign", ageDays: 21, justification: "Eligible directory reader for the territory planning tool" },
  { who: "alex@contoso.test", role: "Reports Reader", status: "Canceled", action: "selfExtend", ageDays: 39, justification: "Extend reports reader eligibility for the newsletter metrics" },
  { who: "pradeep@contoso.test", role: "Attribute Assignment Administrator", status: "Denied", action: "selfRenew", ageDays: 44, justification: "Renew the attribute assignment eligibility for the cost centre project" },
];

const isRemoval = (action: string) => action === "adminRemove" || action === "selfDeactivate";

function expirationFor(kind: DirectoryRoleRequestKind, action: string, start: string, index: number): ExpirationPattern {
  // Activations are short (PT8H, as in PIM's default policy); eligibility and admin assignments mostly end on a
  // date. Every fourth is permanent, which puts a provisioned permanent admin assignment (the docs example, whose
  // targetSchedule says noExpiration) among the ones with a schedule.
  if (kind === "assignment" && action === "selfActivate") return { type: "afterDuration", endDateTime: null, duration: `PT${4 + (index % 5)}H` };
  if (index % 4 === 0) return { type: "noExpiration", endDateTime: null, duration: null };
  return { type: "afterDateTime", endDateTime: plusHours(start, 24 * (kind === "eligibility" ? 180 : 30)), duration: null };
}

export function directoryRoleRequestRecord(
  kind: DirectoryRoleRequestKind,
  index: number,
  row: Omit<DirectoryRoleRow, "who">,
  principalId: string,
): DirectoryRoleRequestRecord {
  const id = uuidFrom(`directory-role-${kind}-request:${index}:${row.justification}`);
  const createdDateTime = daysAgo(row.ageDays);
  const roleDefinitionId = directoryRoleId(row.role);
  const selfService = row.action.startsWith("self");
  const start = row.status === "Granted" ? daysAhead(1 + (index % 5)) : createdDateTime;
  return {
    id,
    status: row.status,
    createdDateTime,
    completedDateTime: FINAL_DIRECTORY_ROLE_STATUSES.includes(row.status) ? plusHours(createdDateTime, 0.02 + (index % 5) * 0.3) : null,
    approvalId: selfService ? uuidFrom(`approval:${id}`) : null,
    customData: null,
    // Admin requests are made by Adele, hers by Lee (a second Privileged Role Administrator).
    createdById: selfService ? principalId : principalId === ADMIN.oid ? LEE.oid : ADMIN.oid,
    action: row.action,
    principalId,
    roleDefinitionId,
    directoryScopeId: "/",
    appScopeId: null,
    isValidationOnly: false,
    // The docs examples: the schedule a request creates has the request's id; a removal targets none.
    targetScheduleId: isRemoval(row.action) ? null : id,
    justification: row.justification,
    scheduleInfo: isRemoval(row.action) ? null : { startDateTime: start, recurrence: null, expiration: expirationFor(kind, row.action, start, index) },
    ticketInfo: { ticketNumber: row.ticket?.[0] ?? null, ticketSystem: row.ticket?.[1] ?? null },
    activatedUsingId: kind === "assignment" && row.action === "selfActivate" ? uuidFrom(`role-eligibility-schedule:${principalId}:${roleDefinitionId}`) : null,
    // Self-service requests go to an approver: Adele, or Lee for Adele's own.
    approverIds: selfService ? [principalId === ADMIN.oid ? LEE.oid : ADMIN.oid] : [],
  };
}

export function seedDirectoryRoleRequests(kind: DirectoryRoleRequestKind): DirectoryRoleRequestRecord[] {
  const rows = kind === "assignment" ? DIRECTORY_ROLE_ASSIGNMENT_ROWS : DIRECTORY_ROLE_ELIGIBILITY_ROWS;
  return rows.map((row, index) => {
    const person = DEMO_PEOPLE.find((p) => p.userPrincipalName === row.who);
    if (!person) throw new Error(`No demo person ${row.who}`);
    return directoryRoleRequestRecord(kind, index, row, person.oid);
  });
}

export function seedDirectoryRoleDefinitions(): DirectoryRoleDefinitionRecord[] {
  return DIRECTORY_ROLE_DEFINITIONS.map((r) => ({ ...r }));
}
