// Seeded PIM for Groups requests (category C): every PIM v3 status (contract §2) in both collections, for Adele,
// Megan and colleagues, on security groups and (the last rows) on the Microsoft 365 group. Justifications are unique
// so tests can find a row by its text.
//
// `action` and the expiration type are kept as the creating request body spelled them (an **inference**: the docs
// type `action` as a String and their examples mix `adminAssign` with `SelfActivate` / `AfterDuration`, §5). The
// rows spelled `SelfActivate` were made from the docs' own self-activation body, so the emulator can answer what
// shared/graph-examples/C-…AssignmentScheduleRequest-filterByCurrentUser-pending.json shows.

import { ADMIN, DEMO_PEOPLE } from "../../demo-tenant";
import type { ExpirationPattern, GroupRecord, GroupRequestRecord } from "../model";
import { groupId } from "./directory-seed";
import { daysAgo, daysAhead, plusHours, uuidFrom } from "./seed-kit";

export type GroupRequestKind = "assignment" | "eligibility";

/** Statuses after which nothing more happens to a request (contract §2); they carry a completedDateTime. */
export const FINAL_PIM_STATUSES: readonly string[] = ["Provisioned", "Canceled", "Denied", "Failed", "Revoked", "ScheduleCreated"];

export interface GroupRequestRow {
  /** Names a landmark (see SEED_LANDMARKS); optional. */
  landmark?: string;
  who: string;
  group: string;
  status: string;
  action: string;
  ageDays: number;
  justification: string;
  accessId?: "member" | "owner";
  ticket?: [string, string];
  /** An activation's expiration is `afterDuration` PT8H unless stated; "AfterDuration" is the docs' spelling of it. */
  expiration?: "noExpiration" | "afterDateTime" | "AfterDuration";
}

const A = ADMIN.userPrincipalName;
const M = "megan@contoso.test";

// prettier-ignore
export const GROUP_ASSIGNMENT_ROWS: readonly GroupRequestRow[] = [
  { landmark: "adminCancellable", who: A, group: "security-operators", status: "PendingApproval", action: "selfActivate", ageDays: 1.5, justification: "Investigate the sign-in anomaly alert raised for the finance partners", ticket: ["INC0045123", "ServiceNow"] },
  { who: A, group: "subscription-owners", status: "Granted", action: "selfActivate", ageDays: 3, justification: "Apply the reserved-instance purchase for the production subscription" },
  { landmark: "adminClosed", who: A, group: "helpdesk-tier-2", status: "Provisioned", action: "selfActivate", ageDays: 6, justification: "Reset MFA registrations for the Oslo office move", ticket: ["INC0044870", "ServiceNow"] },
  { who: A, group: "sql-admins", status: "Denied", action: "selfActivate", ageDays: 12, justification: "Rotate the SQL managed instance administrator password", accessId: "owner" },
  { landmark: "meganCancellable", who: M, group: "campaign-editors", status: "PendingApproval", action: "selfActivate", ageDays: 0.8, justification: "Publish the winter campaign landing pages before the Monday launch" },
  { who: M, group: "forecast-reviewers", status: "PendingAdminDecision", action: "selfActivate", ageDays: 2.5, justification: "Review the Q4 pipeline forecast with the regional sales leads" },
  { landmark: "meganClosed", who: M, group: "design-system", status: "Provisioned", action: "selfActivate", ageDays: 9, justification: "Update the brand colour tokens for the spring catalogue" },
  { who: M, group: "finance-approvers", status: "Failed", action: "selfActivate", ageDays: 15, justification: "Approve the marketing agency invoices for October" },
  { who: M, group: "legal-hold", status: "Canceled", action: "selfActivate", ageDays: 20, justification: "Check the retention hold on the campaign contracts folder" },
  { landmark: "colleagueCancellable", who: "alex@contoso.test", group: "campaign-editors", status: "PendingApproval", action: "selfActivate", ageDays: 1, justification: "Schedule the social posts for the product launch week" },
  { who: "diego@contoso.test", group: "payroll-approvers", status: "PendingAdminDecision", action: "selfActivate", ageDays: 4, justification: "Approve the November payroll corrections for the Munich office", ticket: ["HR-2291", "ServiceNow"] },
  { who: "isaiah@contoso.test", group: "forecast-reviewers", status: "Granted", action: "adminAssign", ageDays: 5, justification: "Cover forecast reviews while the regional lead is on leave", expiration: "afterDateTime" },
  { landmark: "colleagueNotCancellable", who: "nestor@contoso.test", group: "finance-approvers", status: "PendingProvisioning", action: "selfActivate", ageDays: 0.2, justification: "Sign off the quarter-end accruals for operations" },
  { who: "johanna@contoso.test", group: "sql-admins", status: "PendingScheduleCreation", action: "adminAssign", ageDays: 0.4, justification: "Own the SQL admins group during the datacenter migration", accessId: "owner", expiration: "afterDateTime" },
  { who: "lee@contoso.test", group: "subscription-owners", status: "ScheduleCreated", action: "adminAssign", ageDays: 8, justification: "Standing access for the cost review board through year end", expiration: "afterDateTime" },
  { who: "joni@contoso.test", group: "legal-hold", status: "Revoked", action: "selfActivate", ageDays: 25, justification: "Export mailbox holds for litigation request 2026-114", ticket: ["LGL-114", "Legal Tracker"] },
  { who: "grady@contoso.test", group: "design-system", status: "Denied", action: "selfActivate", ageDays: 30, justification: "Replace the icon set in the shared design library" },
  { landmark: "colleagueClosed", who: "pradeep@contoso.test", group: "finance-approvers", status: "Provisioned", action: "selfActivate", ageDays: 35, justification: "Post the September close adjustments" },
  { who: "lynne@contoso.test", group: "engineering-on-call", status: "Canceled", action: "selfActivate", ageDays: 40, justification: "Join the on-call rotation for the planner service outage" },
  { who: "johanna@contoso.test", group: "engineering-on-call", status: "Failed", action: "selfActivate", ageDays: 44, justification: "Restart the build agents after the certificate renewal" },
  { who: "diego@contoso.test", group: "helpdesk-tier-2", status: "PendingApproval", action: "selfActivate", ageDays: 2, justification: "Unlock the accounts of the new starters in HR" },
  { who: "lee@contoso.test", group: "break-glass", status: "Revoked", action: "adminAssign", ageDays: 42, justification: "Temporary break-glass cover for the tenant migration weekend", expiration: "noExpiration" },
  // Open but no longer cancellable (the schedule is being written): shown by default, without a Cancel button.
  { landmark: "adminNotCancellable", who: A, group: "security-operators", status: "PendingProvisioning", action: "selfActivate", ageDays: 0.05, justification: "Contain the compromised service principal flagged by Defender", ticket: ["INC0045201", "ServiceNow"] },
  { landmark: "meganNotCancellable", who: M, group: "campaign-editors", status: "PendingScheduleCreation", action: "adminAssign", ageDays: 0.1, justification: "Add Megan to the campaign editors for the holiday rota", expiration: "afterDateTime" },
  // The Microsoft 365 group (securityEnabled false): the admin view finds it through its second list of groups.
  { who: "alex@contoso.test", group: "launch-planning", status: "PendingApproval", action: "SelfActivate", ageDays: 0.7, justification: "Send the launch announcement from the team mailbox", expiration: "AfterDuration", ticket: ["09876", "Planner"] },
  { who: "isaiah@contoso.test", group: "launch-planning", status: "Provisioned", action: "SelfActivate", ageDays: 7.5, justification: "Add the partner briefing dates to the launch calendar", expiration: "AfterDuration" },
  { who: "grady@contoso.test", group: "launch-planning", status: "Granted", action: "adminAssign", ageDays: 2.8, justification: "Design lead joins the launch team for the spring release", expiration: "afterDateTime" },
  { who: "pradeep@contoso.test", group: "launch-planning", status: "Denied", action: "selfActivate", ageDays: 13, justification: "Read the launch budget tracker in the team files" },
];

// prettier-ignore
export const GROUP_ELIGIBILITY_ROWS: readonly GroupRequestRow[] = [
  { landmark: "adminCancellable", who: A, group: "helpdesk-tier-2", status: "PendingApproval", action: "selfExtend", ageDays: 1.2, justification: "Extend my Helpdesk Tier 2 eligibility through the holiday cover period" },
  { who: A, group: "security-operators", status: "Granted", action: "selfRenew", ageDays: 4, justification: "Renew security operations eligibility after the annual access review" },
  { landmark: "adminClosed", who: A, group: "subscription-owners", status: "Provisioned", action: "adminAssign", ageDays: 14, justification: "Make the identity team eligible for subscription ownership", ticket: ["CHG0031877", "ServiceNow"] },
  { who: A, group: "break-glass", status: "Revoked", action: "adminRemove", ageDays: 33, justification: "Remove standing break-glass eligibility after the audit finding" },
  { landmark: "meganCancellable", who: M, group: "campaign-editors", status: "PendingAdminDecision", action: "selfExtend", ageDays: 0.6, justification: "Extend my campaign editor eligibility until the spring launch" },
  { who: M, group: "design-system", status: "PendingApproval", action: "selfRenew", ageDays: 3.5, justification: "Renew design system eligibility for the rebrand project" },
  { landmark: "meganClosed", who: M, group: "forecast-reviewers", status: "ScheduleCreated", action: "adminAssign", ageDays: 11, justification: "Eligible reviewer for the joint marketing and sales forecast" },
  { who: M, group: "finance-approvers", status: "Denied", action: "selfExtend", ageDays: 18, justification: "Keep finance approver eligibility for the agency retainer" },
  { landmark: "colleagueCancellable", who: "grady@contoso.test", group: "design-system", status: "PendingApproval", action: "selfExtend", ageDays: 1.8, justification: "Extend eligibility to finish the accessibility audit of the components" },
  { who: "lynne@contoso.test", group: "engineering-on-call", status: "PendingAdminDecision", action: "selfRenew", ageDays: 2.2, justification: "Renew on-call eligibility for the planning service" },
  { who: "pradeep@contoso.test", group: "finance-approvers", status: "Granted", action: "adminExtend", ageDays: 6, justification: "Extend the approver eligibility for the year-end audit" },
  { landmark: "colleagueNotCancellable", who: "nestor@contoso.test", group: "payroll-approvers", status: "PendingProvisioning", action: "adminAssign", ageDays: 0.3, justification: "Add the operations director as an eligible payroll approver" },
  { who: "isaiah@contoso.test", group: "forecast-reviewers", status: "PendingScheduleCreation", action: "adminAssign", ageDays: 0.5, justification: "Eligible reviewer for the new territory forecasts" },
  { landmark: "colleagueClosed", who: "johanna@contoso.test", group: "sql-admins", status: "Provisioned", action: "adminAssign", ageDays: 16, justification: "Eligible owner of the SQL admins group for the platform team", accessId: "owner" },
  { who: "alex@contoso.test", group: "campaign-editors", status: "Canceled", action: "selfExtend", ageDays: 22, justification: "Extend editor eligibility for the influencer campaign" },
  { who: "joni@contoso.test", group: "legal-hold", status: "Failed", action: "adminAssign", ageDays: 27, justification: "Eligible legal hold reviewer for the compliance rotation" },
  { who: "lee@contoso.test", group: "subscription-owners", status: "Revoked", action: "adminRemove", ageDays: 38, justification: "Remove eligibility after the director moved to the product team" },
  { who: "diego@contoso.test", group: "payroll-approvers", status: "ScheduleCreated", action: "adminRenew", ageDays: 41, justification: "Renew payroll approver eligibility for 2027", expiration: "noExpiration" },
  { who: "nestor@contoso.test", group: "finance-approvers", status: "Denied", action: "selfRenew", ageDays: 43, justification: "Renew finance approver eligibility without a business owner sign-off" },
  { landmark: "adminNotCancellable", who: A, group: "engineering-on-call", status: "PendingScheduleCreation", action: "adminAssign", ageDays: 0.25, justification: "Make the identity lead eligible for platform on-call escalations" },
  { landmark: "meganNotCancellable", who: M, group: "legal-hold", status: "PendingProvisioning", action: "adminAssign", ageDays: 0.35, justification: "Eligible legal hold reviewer for the campaign contracts audit" },
  // The Microsoft 365 group.
  { who: "joni@contoso.test", group: "launch-planning", status: "PendingAdminDecision", action: "selfExtend", ageDays: 1.6, justification: "Extend my launch team eligibility for the campaign's legal review" },
  { who: "johanna@contoso.test", group: "launch-planning", status: "Provisioned", action: "adminAssign", ageDays: 19, justification: "Eligible member of the launch team for the platform readiness review" },
];

const oidOf = (upn: string): string => {
  const person = DEMO_PEOPLE.find((p) => p.userPrincipalName === upn);
  if (!person) throw new Error(`No demo person ${upn}`);
  return person.oid;
};

/** Self-service actions (selfActivate, selfExtend, …), in whichever casing the request was sent. */
const isSelfService = (action: string) => action.toLowerCase().startsWith("self");

function expirationFor(kind: GroupRequestKind, row: Pick<GroupRequestRow, "action" | "expiration">, start: string): ExpirationPattern {
  if (row.expiration === "noExpiration") return { type: "noExpiration", endDateTime: null, duration: null };
  // Activations are short (PT8H, the docs' own example); eligibility and admin assignments end on a date.
  if (kind === "assignment" && isSelfService(row.action) && row.expiration !== "afterDateTime") {
    return { type: row.expiration === "AfterDuration" ? "AfterDuration" : "afterDuration", endDateTime: null, duration: "PT8H" };
  }
  return { type: "afterDateTime", endDateTime: plusHours(start, 24 * (kind === "eligibility" ? 180 : 30)), duration: null };
}

/** Builds one stored request. `principalId` and `groupRecord` are resolved by the caller. */
export function groupRequestRecord(
  kind: GroupRequestKind,
  index: number,
  row: Omit<GroupRequestRow, "who" | "group">,
  principalId: string,
  group: Pick<GroupRecord, "id" | "ownerIds">,
): GroupRequestRecord {
  const id = uuidFrom(`group-${kind}-request:${index}:${row.justification}`);
  const createdDateTime = daysAgo(row.ageDays);
  const start = row.status === "Granted" ? daysAhead(2 + (index % 5)) : createdDateTime;
  const selfService = isSelfService(row.action);
  const accessId = row.accessId ?? "member";
  return {
    id,
    status: row.status,
    createdDateTime,
    completedDateTime: FINAL_PIM_STATUSES.includes(row.status) ? plusHours(createdDateTime, 0.05 + (index % 7) * 0.5) : null,
    approvalId: selfService ? uuidFrom(`approval:${id}`) : null,
    customData: null,
    createdById: selfService ? principalId : (group.ownerIds[0] ?? ADMIN.oid),
    action: row.action,
    isValidationOnly: false,
    justification: row.justification,
    scheduleInfo: { startDateTime: start, recurrence: null, expiration: expirationFor(kind, row, start) },
    ticketInfo: { ticketNumber: row.ticket?.[0] ?? null, ticketSystem: row.ticket?.[1] ?? null },
    accessId,
    principalId,
    groupId: group.id,
    targetScheduleId: `${group.id}_${accessId}_${uuidFrom(`schedule:${id}`)}`,
    // Group owners approve PIM for Groups requests here, and Adele approves everything (contract §2 approver).
    approverIds: [...new Set([...group.ownerIds, ADMIN.oid])].filter((approver) => approver !== principalId),
  };
}

export function seedGroupRequests(kind: GroupRequestKind, groups: readonly GroupRecord[]): GroupRequestRecord[] {
  const rows = kind === "assignment" ? GROUP_ASSIGNMENT_ROWS : GROUP_ELIGIBILITY_ROWS;
  return rows.map((row, index) => {
    const group = groups.find((g) => g.id === groupId(row.group));
    if (!group) throw new Error(`No seeded group ${row.group}`);
    return groupRequestRecord(kind, index, row, oidOf(row.who), group);
  });
}
