// The request status vocabulary (contract "Entity": the spec's enum) and which statuses a cancel accepts.
//
// Decision (contract "Cancel rules" asks us to decide it from the status model):
// - The spec says only "Cancels a pending role assignment schedule request"; Az PowerShell's
//   Stop-AzRoleAssignmentScheduleRequest says a request "not provisioned yet" can be cancelled.
// - The one exact list published for this service is PIM v2's for Azure resources (the same PIM backend before it
//   moved to ARM): Granted, PendingApproval, PendingApprovalProvisioning, PendingAdminDecision
//   (shared/graph-contract.md, category A cancel, `RequestCannotBeCancelled`).
// - So: that list, plus the other statuses that come before provisioning in the status model, where a request has
//   been received but nothing was written yet: Accepted (received), PendingEvaluation (policy evaluation running)
//   and AdminApproved (an admin approved; the next step is Granted, which is cancellable, so the step between is
//   too). Not cancellable: everything from provisioning on (PendingProvisioning, ProvisioningStarted,
//   PendingScheduleCreation, ScheduleCreated, PendingExternalProvisioning, Provisioned: undoing those is an
//   AdminRemove / SelfDeactivate request, out of scope per the contract), PendingRevocation (a removal under way),
//   and the final statuses.
// Clients must still treat ARM's own 400 RequestCannotBeCancelled as "no longer cancellable" whatever this list says.

export const ARM_REQUEST_STATUSES = [
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

export type ArmRequestStatus = (typeof ARM_REQUEST_STATUSES)[number];

export const CANCELLABLE_STATUSES: ReadonlySet<ArmRequestStatus> = new Set<ArmRequestStatus>([
  "Accepted",
  "PendingEvaluation",
  "PendingApproval",
  "PendingApprovalProvisioning",
  "PendingAdminDecision",
  "AdminApproved",
  "Granted",
]);

/** Statuses after which nothing more happens to the request (the seed's "Closed" rows). */
export const FINAL_STATUSES: ReadonlySet<ArmRequestStatus> = new Set<ArmRequestStatus>([
  "Denied",
  "Provisioned",
  "Revoked",
  "Canceled",
  "Failed",
  "FailedAsResourceIsLocked",
  "AdminDenied",
  "TimedOut",
  "Invalid",
  "ScheduleCreated",
]);

export const isCancellable = (status: ArmRequestStatus) => CANCELLABLE_STATUSES.has(status);

/** The enum spelling of a status given in any case (control endpoints), or undefined. */
export const statusNamed = (name: string): ArmRequestStatus | undefined =>
  ARM_REQUEST_STATUSES.find((s) => s.toLowerCase() === name.trim().toLowerCase());
