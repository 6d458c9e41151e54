// Status vocabularies of the role-request categories A, B and E, and which statuses can be cancelled. Pure data
// (no engine imports): the seed and browser-side tests import it too.

import { FINAL_PIM_STATUSES } from "../seed/group-request-seed";

const findKnown = (known: readonly string[], input: string) => known.find((s) => s.toLowerCase() === input.toLowerCase());

// ── A: governanceRoleAssignmentRequest (contract §3) ──────────────────────────────────────────────────────────

/** Every documented `status.subStatus`. */
export const GOVERNANCE_SUB_STATUSES = [
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
] as const;

/** Seed 000 / §3: "Only requests in status of Granted, PendingApproval, PendingApprovalProvisioning and PendingAdminDecision". */
export const CANCELLABLE_GOVERNANCE_SUB_STATUSES: readonly string[] = ["Granted", "PendingApproval", "PendingApprovalProvisioning", "PendingAdminDecision"];

/**
 * **Inference** (§3 names only the two `status` values InProgress and Closed): a decided or finished request is
 * Closed — the fixture shows Revoked and Provisioned as Closed; every other sub-status is still InProgress.
 */
export const CLOSED_GOVERNANCE_SUB_STATUSES: readonly string[] = [
  "Denied",
  "Provisioned",
  "Revoked",
  "Canceled",
  "Failed",
  "FailedAsResourceIsLocked",
  "AdminDenied",
  "TimedOut",
];

export const governanceStatusOf = (subStatus: string): "InProgress" | "Closed" =>
  CLOSED_GOVERNANCE_SUB_STATUSES.includes(subStatus) ? "Closed" : "InProgress";

export const parseGovernanceSubStatus = (input: string) => findKnown(GOVERNANCE_SUB_STATUSES, input);

// ── B: privilegedRoleAssignmentRequest (contract §4) ──────────────────────────────────────────────────────────

/** The resource page's status values. */
export const PRIVILEGED_ROLE_STATUSES = [
  "NotStarted",
  "Completed",
  "RequestedApproval",
  "Scheduled",
  "Approved",
  "ApprovalDenied",
  "ApprovalAborted",
  "Cancelling",
  "Cancelled",
  "Revoked",
  "RequestExpired",
] as const;

/**
 * Seed 001 allows cancelling "Scheduled and PendingApproval", but PendingApproval is not a documented B status:
 * the resource's own word for "waiting for approval" is RequestedApproval (contract §9 B-1). We accept all three,
 * so a request waiting for approval can be cancelled whichever word the service uses.
 */
export const CANCELLABLE_PRIVILEGED_ROLE_STATUSES: readonly string[] = ["Scheduled", "PendingApproval", "RequestedApproval"];

/** **Inference**: statuses after which nothing more happens (the docs do not group them). */
export const FINAL_PRIVILEGED_ROLE_STATUSES: readonly string[] = ["Completed", "ApprovalDenied", "ApprovalAborted", "Cancelled", "Revoked", "RequestExpired"];

/** Documented values plus the seed's PendingApproval (accepted by the control endpoint). */
export const parsePrivilegedRoleStatus = (input: string) => findKnown([...PRIVILEGED_ROLE_STATUSES, "PendingApproval"], input);

// ── E: unifiedRoleAssignment/EligibilityScheduleRequest (contract §2, §7) ─────────────────────────────────────

export const PIM_V3_STATUSES = [
  "Canceled",
  "Denied",
  "Failed",
  "Granted",
  "PendingAdminDecision",
  "PendingApproval",
  "PendingProvisioning",
  "PendingScheduleCreation",
  "Provisioned",
  "Revoked",
  "ScheduleCreated",
] as const;

/**
 * What the cancel pages allow: §7 "only requests whose status is Granted" can be cancelled. The emulator's strict
 * mode (`eCancelPendingApproval: false`) cancels these alone.
 */
export const CANCELLABLE_DIRECTORY_ROLE_STATUSES: readonly string[] = ["Granted"];

/**
 * Requests still awaiting an approver. Decision (§9 E-1: the cancel pages neither allow nor forbid them): they are
 * cancellable by default. Microsoft's PIM docs ("Activate a Microsoft Entra role in PIM" → "Cancel a pending
 * request": a request that requires approval can be cancelled while it awaits approval) and the Entra admin
 * center's My requests → Cancel both let a user withdraw a pending request, and the service behind them is this
 * API. The strict reading of the cancel pages stays one switch away (EmulatorConfig.eCancelPendingApproval).
 */
export const AWAITING_APPROVAL_DIRECTORY_ROLE_STATUSES: readonly string[] = ["PendingApproval", "PendingAdminDecision"];

export function isCancellableDirectoryRoleStatus(status: string, cancelPendingApproval: boolean): boolean {
  if (CANCELLABLE_DIRECTORY_ROLE_STATUSES.includes(status)) return true;
  return cancelPendingApproval && AWAITING_APPROVAL_DIRECTORY_ROLE_STATUSES.includes(status);
}

export const FINAL_DIRECTORY_ROLE_STATUSES = FINAL_PIM_STATUSES;

/** The CSDL types status as a free string (§2); known values keep their documented casing. */
export const normalizePimV3Status = (input: string) => findKnown(PIM_V3_STATUSES, input) ?? input;
