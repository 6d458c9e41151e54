import type { RequestStage } from "@/lib/requests/pending-request";
import { statusIn } from "./pim-v3-status";

// The status model of PIM for Azure resource roles in Azure Resource Manager, and which statuses may be cancelled.

export const AZURE_ROLE_API_VERSION = "2020-10-01";

/** The spec's `status` enum (contract "Entity"), in the spec's order. */
export const AZURE_ROLE_REQUEST_STATUSES = [
  "Accepted",
  "PendingEvaluation",
  "Granted",
  "Denied",
  "PendingProvisioning",
  "Provisioned",
  "PendingRevocation",
  "Revoked",
  "Canceled",
  "Failed",
  "PendingApprovalProvisioning",
  "PendingApproval",
  "FailedAsResourceIsLocked",
  "PendingAdminDecision",
  "AdminApproved",
  "AdminDenied",
  "TimedOut",
  "ProvisioningStarted",
  "Invalid",
  "PendingScheduleCreation",
  "ScheduleCreated",
  "PendingExternalProvisioning",
] as const;

/**
 * Which requests are offered for cancelling. ARM documents no list (contract "Cancel rules"): the spec says only
 * "Cancels a pending role assignment schedule request", Az PowerShell's Stop-AzRoleAssignmentScheduleRequest a
 * request "not provisioned yet". So, from the status model:
 * - Granted, PendingApproval, PendingApprovalProvisioning, PendingAdminDecision: the one exact list published for
 *   this service, PIM v2's for Azure resources (the same PIM backend before it moved to ARM; governance-role.ts);
 * - Accepted (received) and PendingEvaluation (policy evaluation running): before approval, so before anything the
 *   list above allows; nothing has been written yet;
 * - AdminApproved: the step between PendingAdminDecision and Granted, both cancellable, so it is too.
 * Not offered: from provisioning on (PendingProvisioning, ProvisioningStarted, PendingScheduleCreation,
 * PendingExternalProvisioning, ScheduleCreated, Provisioned) undoing it is an AdminRemove / SelfDeactivate request,
 * out of scope per the contract, and users report `RequestCannotBeCancelled` for provisioned requests;
 * PendingRevocation is a removal under way; the rest are final. This is the ARM emulator's decision too
 * (stand-ins/arm-emulator/README.md, "Statuses and the cancel decision"). ARM's own refusal still reads as "no
 * longer cancellable", whatever this list says.
 */
export const AZURE_ROLE_CANCELLABLE_STATUSES = [
  "Accepted",
  "PendingEvaluation",
  "PendingApproval",
  "PendingApprovalProvisioning",
  "PendingAdminDecision",
  "AdminApproved",
  "Granted",
] as const;

// PIM v2's map (governance-role.ts) for the statuses they share, except AdminApproved: there it read as completed,
// but here it is cancellable and Granted is still to come, so it is approved, not yet in effect.
const STAGE_BY_STATUS: Readonly<Record<(typeof AZURE_ROLE_REQUEST_STATUSES)[number], RequestStage>> = {
  Accepted: "submitted",
  PendingEvaluation: "submitted",
  PendingApproval: "awaiting-approval",
  PendingAdminDecision: "awaiting-approval",
  PendingApprovalProvisioning: "awaiting-approval",
  AdminApproved: "approved-scheduled",
  Granted: "approved-scheduled",
  PendingProvisioning: "in-progress",
  ProvisioningStarted: "in-progress",
  PendingScheduleCreation: "in-progress",
  PendingExternalProvisioning: "in-progress",
  PendingRevocation: "in-progress",
  Provisioned: "completed",
  ScheduleCreated: "completed",
  Denied: "denied",
  AdminDenied: "denied",
  Revoked: "revoked",
  Canceled: "cancelled",
  Failed: "failed",
  FailedAsResourceIsLocked: "failed",
  Invalid: "failed",
  TimedOut: "expired",
};

const STAGE_BY_LOWER_STATUS = new Map(Object.entries(STAGE_BY_STATUS).map(([status, stage]) => [status.toLowerCase(), stage]));

/** A status outside the enum is still open (as for the Graph categories), and never cancellable. */
export function azureRoleStage(status: string): RequestStage {
  return STAGE_BY_LOWER_STATUS.get(status.toLowerCase()) ?? "in-progress";
}

export function isAzureRoleCancellable(status: string): boolean {
  return statusIn(status, AZURE_ROLE_CANCELLABLE_STATUSES);
}
