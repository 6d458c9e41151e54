// Seeded access package assignment requests (category D): all ten detail statuses, several cancellable and
// several not for Adele and Megan, colleagues' requests and one external contractor (connected organization).

import { ADMIN, DEMO_PEOPLE } from "../../demo-tenant";
import type { AccessPackageRequestRecord, ExpirationPattern } from "../model";
import { ACCESS_PACKAGE_STATUSES, FINAL_ACCESS_PACKAGE_STATES, type AccessPackageStatus } from "../collections/access-package-status";
import { EXTERNAL_SUBJECT, packageId, subjectIdFor } from "./directory-seed";
import { daysAgo, daysAhead, plusHours, uuidFrom } from "./seed-kit";

export interface AccessPackageRow {
  landmark?: string;
  /** A demo person's UPN, or "external" for the Fabrikam contractor. */
  who: string;
  accessPackage: string;
  status: AccessPackageStatus;
  requestType: "userAdd" | "adminAdd";
  ageDays: number;
  justification: string;
  expiration?: "noExpiration" | "afterDuration";
}

const A = ADMIN.userPrincipalName;
const M = "megan@contoso.test";

// prettier-ignore
export const ACCESS_PACKAGE_ROWS: readonly AccessPackageRow[] = [
  { landmark: "adminCancellable", who: A, accessPackage: "quarter-end-close", status: "PendingApproval", requestType: "userAdd", ageDays: 1.3, justification: "Prepare the identity controls evidence for the quarter-end close" },
  { who: A, accessPackage: "contractor-onboarding", status: "Accepted", requestType: "userAdd", ageDays: 0.1, justification: "Sponsor the Fabrikam contractors during their onboarding week" },
  { landmark: "adminClosed", who: A, accessPackage: "forecast-workspace", status: "Delivered", requestType: "adminAdd", ageDays: 7, justification: "Read access to the sales forecast for the licence true-up", expiration: "noExpiration" },
  { who: A, accessPackage: "legal-contract-review", status: "Denied", requestType: "userAdd", ageDays: 19, justification: "Review the identity vendor contract renewal terms" },
  { landmark: "meganCancellable", who: M, accessPackage: "campaign-tools", status: "PendingApproval", requestType: "userAdd", ageDays: 0.9, justification: "Need the campaign planner and analytics tools for the winter launch" },
  { who: M, accessPackage: "design-assets", status: "PendingNotBefore", requestType: "userAdd", ageDays: 2.7, justification: "Design asset library from the start of the rebrand sprint" },
  { who: M, accessPackage: "forecast-workspace", status: "PendingApprovalEscalated", requestType: "userAdd", ageDays: 5.5, justification: "Joint forecast workspace for the marketing-sourced pipeline" },
  { landmark: "meganClosed", who: M, accessPackage: "legal-contract-review", status: "Delivered", requestType: "adminAdd", ageDays: 10, justification: "Review the influencer agreements with the legal team" },
  { who: M, accessPackage: "quarter-end-close", status: "Canceled", requestType: "userAdd", ageDays: 17, justification: "Submit the marketing accruals for the quarter-end close" },
  { who: M, accessPackage: "contractor-onboarding", status: "DeliveryFailed", requestType: "userAdd", ageDays: 26, justification: "Onboard the freelance copywriter for the spring catalogue" },
  { landmark: "colleagueCancellable", who: "alex@contoso.test", accessPackage: "campaign-tools", status: "PendingApproval", requestType: "userAdd", ageDays: 1.1, justification: "Run the A/B tests on the newsletter sign-up form" },
  { who: "isaiah@contoso.test", accessPackage: "forecast-workspace", status: "Accepted", requestType: "userAdd", ageDays: 0.05, justification: "Update my territory numbers in the forecast workspace" },
  { who: "lynne@contoso.test", accessPackage: "design-assets", status: "PendingApprovalEscalated", requestType: "userAdd", ageDays: 6.5, justification: "Download the event signage templates for the planning summit" },
  { who: "pradeep@contoso.test", accessPackage: "quarter-end-close", status: "PendingNotBefore", requestType: "userAdd", ageDays: 3, justification: "Quarter-end close access from the first working day of December" },
  { landmark: "colleagueNotCancellable", who: "diego@contoso.test", accessPackage: "contractor-onboarding", status: "Delivering", requestType: "adminAdd", ageDays: 0.15, justification: "Onboard the HR contractors for the benefits enrolment" },
  { who: "nestor@contoso.test", accessPackage: "quarter-end-close", status: "PartiallyDelivered", requestType: "userAdd", ageDays: 13, justification: "Approve the operations cost centres in the close workbook" },
  { landmark: "colleagueClosed", who: "joni@contoso.test", accessPackage: "legal-contract-review", status: "Delivered", requestType: "userAdd", ageDays: 23, justification: "Redline the supplier agreements for the Q1 renewals", expiration: "afterDuration" },
  { who: "grady@contoso.test", accessPackage: "campaign-tools", status: "Denied", requestType: "userAdd", ageDays: 29, justification: "Edit rights on the campaign tools for the banner refresh" },
  { who: "johanna@contoso.test", accessPackage: "forecast-workspace", status: "DeliveryFailed", requestType: "userAdd", ageDays: 36, justification: "Connect the forecast workspace to the engineering capacity plan" },
  { who: "lee@contoso.test", accessPackage: "legal-contract-review", status: "Canceled", requestType: "userAdd", ageDays: 44, justification: "Review the partner contract for the product bundle" },
  { who: "external", accessPackage: "contractor-onboarding", status: "PendingApproval", requestType: "userAdd", ageDays: 2.1, justification: "Fabrikam contractor access for the warehouse system integration" },
  // Open but no longer cancellable (being delivered): shown by default, without a Cancel button.
  { landmark: "adminNotCancellable", who: A, accessPackage: "design-assets", status: "Delivering", requestType: "adminAdd", ageDays: 0.08, justification: "Brand templates for the identity awareness campaign" },
  { landmark: "meganNotCancellable", who: M, accessPackage: "design-assets", status: "Delivering", requestType: "userAdd", ageDays: 0.12, justification: "Brand photography for the spring catalogue shoot" },
];

function expirationFor(row: Pick<AccessPackageRow, "expiration">, start: string): ExpirationPattern {
  if (row.expiration === "noExpiration") return { type: "noExpiration", endDateTime: null, duration: null };
  if (row.expiration === "afterDuration") return { type: "afterDuration", endDateTime: null, duration: "P90D" };
  return { type: "afterDateTime", endDateTime: plusHours(start, 24 * 365), duration: null };
}

/** The target's directory oid (null for the external contractor) and subject id. */
export function subjectOf(who: string): { oid: string | null; subjectId: string } {
  if (who === "external") return { oid: null, subjectId: EXTERNAL_SUBJECT.id };
  const person = DEMO_PEOPLE.find((p) => p.userPrincipalName === who);
  if (!person) throw new Error(`No demo person ${who}`);
  return { oid: person.oid, subjectId: subjectIdFor(person.oid) };
}

export function accessPackageRequestRecord(
  index: number,
  row: Omit<AccessPackageRow, "who">,
  target: { oid: string | null; subjectId: string },
): AccessPackageRequestRecord {
  const id = uuidFrom(`access-package-request:${index}:${row.justification}`);
  const createdDateTime = daysAgo(row.ageDays);
  const state: string = ACCESS_PACKAGE_STATUSES[row.status].state;
  const start = row.status === "PendingNotBefore" ? daysAhead(3 + (index % 4)) : createdDateTime;
  const delivered = ["delivered", "delivering", "partiallyDelivered"].includes(state);
  return {
    id,
    requestType: row.requestType,
    state,
    status: row.status,
    createdDateTime,
    completedDateTime: FINAL_ACCESS_PACKAGE_STATES.includes(state) ? plusHours(createdDateTime, 0.2 + (index % 5)) : null,
    justification: row.justification,
    schedule: { startDateTime: start, recurrence: null, expiration: expirationFor(row, start) },
    accessPackageId: packageId(row.accessPackage),
    targetSubjectId: target.subjectId,
    // Admin-added requests are created by Adele; user requests by the person (or the external contractor's sponsor).
    createdById: row.requestType === "adminAdd" || target.oid === null ? ADMIN.oid : target.oid,
    assignmentId: delivered ? uuidFrom(`access-package-assignment:${id}`) : null,
    // Adele approves everyone's requests; Nestor (Director of Operations) approves hers.
    approverIds: target.oid === ADMIN.oid ? [subjectOf("nestor@contoso.test").oid ?? ADMIN.oid] : [ADMIN.oid],
  };
}

export function seedAccessPackageRequests(): AccessPackageRequestRecord[] {
  return ACCESS_PACKAGE_ROWS.map((row, index) => accessPackageRequestRecord(index, row, subjectOf(row.who)));
}
