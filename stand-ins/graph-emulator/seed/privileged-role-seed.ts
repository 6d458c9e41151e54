// Seeded PIM v1 role assignment requests (category B, contract §4): every documented status, for Adele, Megan and
// colleagues, each with cancellable and non-cancellable requests. `userId` is the principal's real oid; answers
// write "Self" for the caller's own (see privileged-role-requests.ts). PIM v1 roles are identified by the Entra role
// template id.

import { DEMO_PEOPLE } from "../../demo-tenant";
import type { PrivilegedRoleRecord, PrivilegedRoleRequestRecord } from "../model-roles";
import { daysAgo, daysAhead, plusHours, uuidFrom } from "./seed-kit";

export const PRIVILEGED_ROLES: readonly PrivilegedRoleRecord[] = [
  { id: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", name: "Directory Readers" },
  { id: "5d6b6bb7-de71-4623-b4af-96380a352509", name: "Security Reader" },
  { id: "29232cdf-9323-42fd-ade2-1d097af3e4de", name: "Exchange Administrator" },
  { id: "fe930be7-5e62-47db-91af-98c3a49a38b1", name: "User Administrator" },
  { id: "729827e3-9c14-49f7-bb1b-9608f156bbb8", name: "Helpdesk Administrator" },
  { id: "4a5d8f65-41da-4de4-8968-e035b65339cf", name: "Reports Reader" },
];

export interface PrivilegedRoleRow {
  landmark?: string;
  who: string;
  role: string;
  status: string;
  type: "UserAdd" | "AdminAdd";
  ageDays: number;
  reason: string;
  ticket?: [string, string];
}

const A = "admin@contoso.test";
const M = "megan@contoso.test";

// prettier-ignore
export const PRIVILEGED_ROLE_ROWS: readonly PrivilegedRoleRow[] = [
  { landmark: "adminCancellable", who: A, role: "Exchange Administrator", status: "Scheduled", type: "UserAdd", ageDays: 0.8, reason: "Activate Exchange admin for the scheduled mailbox migration window", ticket: ["CHG0032001", "ServiceNow"] },
  { who: A, role: "User Administrator", status: "RequestedApproval", type: "UserAdd", ageDays: 1.7, reason: "Bulk update the department attribute for the finance reorganisation" },
  { landmark: "adminNotCancellable", who: A, role: "Security Reader", status: "Approved", type: "UserAdd", ageDays: 0.04, reason: "Read the risky sign-in report for the incident bridge" },
  { landmark: "adminClosed", who: A, role: "Helpdesk Administrator", status: "Completed", type: "UserAdd", ageDays: 9, reason: "Reset the passwords of the locked-out Oslo kiosk accounts", ticket: ["INC0044990", "ServiceNow"] },
  { who: A, role: "Directory Readers", status: "Cancelled", type: "UserAdd", ageDays: 22, reason: "Check the guest user inventory before the partner offboarding" },
  { landmark: "meganCancellable", who: M, role: "Directory Readers", status: "RequestedApproval", type: "UserAdd", ageDays: 1, reason: "Look up the agency contacts in the directory for the campaign kick-off" },
  { who: M, role: "Reports Reader", status: "Scheduled", type: "UserAdd", ageDays: 2.4, reason: "Activate reports reader for the monthly marketing analytics review" },
  { landmark: "meganNotCancellable", who: M, role: "Directory Readers", status: "NotStarted", type: "UserAdd", ageDays: 0.13, reason: "Read the org chart for the internal newsletter feature" },
  { landmark: "meganClosed", who: M, role: "Reports Reader", status: "ApprovalDenied", type: "UserAdd", ageDays: 11, reason: "Export the Yammer engagement report for the brand survey" },
  { who: M, role: "Directory Readers", status: "RequestExpired", type: "UserAdd", ageDays: 29, reason: "Find the new starters for the welcome campaign mailing" },
  { landmark: "colleagueCancellable", who: "diego@contoso.test", role: "User Administrator", status: "RequestedApproval", type: "UserAdd", ageDays: 1.3, reason: "Create the accounts for the January HR interns", ticket: ["HR-2310", "ServiceNow"] },
  { landmark: "colleagueNotCancellable", who: "johanna@contoso.test", role: "Exchange Administrator", status: "Cancelling", type: "UserAdd", ageDays: 0.2, reason: "Move the build notification mailbox to the new shared mailbox" },
  { landmark: "colleagueClosed", who: "nestor@contoso.test", role: "Reports Reader", status: "Completed", type: "AdminAdd", ageDays: 31, reason: "Assign reports reader to the operations director for the cost dashboards" },
  { who: "lee@contoso.test", role: "Security Reader", status: "Revoked", type: "AdminAdd", ageDays: 37, reason: "Remove the director's standing security reader role after the review" },
  { who: "isaiah@contoso.test", role: "Directory Readers", status: "ApprovalAborted", type: "UserAdd", ageDays: 14, reason: "Look up the account managers for the territory realignment" },
  { who: "lynne@contoso.test", role: "Reports Reader", status: "Scheduled", type: "UserAdd", ageDays: 3, reason: "Activate reports reader for the planning summit attendance figures" },
  { who: "joni@contoso.test", role: "Security Reader", status: "Approved", type: "UserAdd", ageDays: 0.3, reason: "Check the retention policy alerts for the litigation hold", ticket: ["LGL-131", "Legal Tracker"] },
  { who: "grady@contoso.test", role: "Directory Readers", status: "NotStarted", type: "UserAdd", ageDays: 0.16, reason: "Find the owners of the shared design mailboxes" },
  { who: "pradeep@contoso.test", role: "User Administrator", status: "ApprovalDenied", type: "UserAdd", ageDays: 18, reason: "Update the cost centre attribute on the finance team accounts" },
  { who: "lee@contoso.test", role: "Exchange Administrator", status: "Cancelled", type: "UserAdd", ageDays: 41, reason: "Recover the deleted items for the director's assistant" },
  { who: "johanna@contoso.test", role: "Helpdesk Administrator", status: "RequestExpired", type: "UserAdd", ageDays: 44, reason: "Unlock the on-call engineers locked out by the MFA rollout" },
  { who: "alex@contoso.test", role: "Directory Readers", status: "Completed", type: "UserAdd", ageDays: 6, reason: "Look up the regional marketing contacts for the webinar series" },
];

export const privilegedRoleId = (name: string): string => {
  const role = PRIVILEGED_ROLES.find((r) => r.name === name);
  if (!role) throw new Error(`No privileged role ${name}`);
  return role.id;
};

export function privilegedRoleRequestRecord(index: number, row: Omit<PrivilegedRoleRow, "who">, userId: string): PrivilegedRoleRequestRecord {
  const createdDateTime = daysAgo(row.ageDays);
  const activation = row.type === "UserAdd";
  return {
    id: uuidFrom(`privileged-role-request:${index}:${row.reason}`),
    createdDateTime,
    userId,
    roleId: privilegedRoleId(row.role),
    type: row.type,
    // An activation makes the role active; an admin add makes the user eligible (the docs pair them so).
    assignmentState: activation ? "Active" : "Eligible",
    status: row.status,
    duration: activation ? String(1 + (index % 4)) : "0",
    reason: row.reason,
    ticketNumber: row.ticket?.[0] ?? null,
    ticketSystem: row.ticket?.[1] ?? null,
    // A Scheduled activation starts later; the docs examples leave endDateTime and duration null.
    schedule: {
      type: activation ? "activation" : "assignment",
      startDateTime: row.status === "Scheduled" ? daysAhead(1 + (index % 3)) : plusHours(createdDateTime, 0.01),
      endDateTime: null,
      duration: null,
    },
  };
}

export function seedPrivilegedRoleRequests(): PrivilegedRoleRequestRecord[] {
  return PRIVILEGED_ROLE_ROWS.map((row, index) => {
    const person = DEMO_PEOPLE.find((p) => p.userPrincipalName === row.who);
    if (!person) throw new Error(`No demo person ${row.who}`);
    return privilegedRoleRequestRecord(index, row, person.oid);
  });
}
