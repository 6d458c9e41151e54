// One vocabulary for access package request statuses, rendered two ways (contract §6, §9 D-2):
// v1.0 `state` (enum) + `status` (detail text), beta `requestState` + `requestStatus`.
// The seed-004 cancellable words (accepted, pendingApproval, pendingNotBefore, pendingApprovalEscalated) are the
// detail statuses; our mapping to the coarse state is an inference: accepted → submitted, pendingApproval(+Escalated)
// → pendingApproval, pendingNotBefore → scheduled.

interface StatusInfo {
  /** v1.0 `state`. */
  state: string;
  /** beta `requestStatus` (the beta docs say "Fulfilled" for delivered and spell "Cancelled" the British way). */
  betaStatus: string;
}

export const ACCESS_PACKAGE_STATUSES = {
  Accepted: { state: "submitted", betaStatus: "Accepted" },
  PendingApproval: { state: "pendingApproval", betaStatus: "PendingApproval" },
  PendingApprovalEscalated: { state: "pendingApproval", betaStatus: "PendingApprovalEscalated" },
  PendingNotBefore: { state: "scheduled", betaStatus: "PendingNotBefore" },
  Delivering: { state: "delivering", betaStatus: "Delivering" },
  Delivered: { state: "delivered", betaStatus: "Fulfilled" },
  DeliveryFailed: { state: "deliveryFailed", betaStatus: "DeliveryFailed" },
  Denied: { state: "denied", betaStatus: "Denied" },
  Canceled: { state: "canceled", betaStatus: "Cancelled" },
  PartiallyDelivered: { state: "partiallyDelivered", betaStatus: "PartiallyDelivered" },
} as const satisfies Record<string, StatusInfo>;

export type AccessPackageStatus = keyof typeof ACCESS_PACKAGE_STATUSES;

/** Seed 004's cancellable states, as detail statuses. */
export const CANCELLABLE_ACCESS_PACKAGE_STATUSES: readonly AccessPackageStatus[] = [
  "Accepted",
  "PendingApproval",
  "PendingNotBefore",
  "PendingApprovalEscalated",
];

export const FINAL_ACCESS_PACKAGE_STATES: readonly string[] = ["delivered", "deliveryFailed", "denied", "canceled", "partiallyDelivered"];

const ENTRIES = Object.entries(ACCESS_PACKAGE_STATUSES) as Array<[AccessPackageStatus, StatusInfo]>;

/**
 * Reads any spelling a test or caller may use: the detail status ("pendingApproval", "Delivered"), the beta one
 * ("Fulfilled", "cancelled") or a coarse state ("submitted", "scheduled"). Undefined when it is none of them.
 */
export function parseAccessPackageStatus(input: string): AccessPackageStatus | undefined {
  const wanted = input.toLowerCase();
  const match =
    ENTRIES.find(([key]) => key.toLowerCase() === wanted) ??
    ENTRIES.find(([, info]) => info.betaStatus.toLowerCase() === wanted) ??
    ENTRIES.find(([, info]) => info.state.toLowerCase() === wanted);
  return match?.[0];
}

export function stateOf(status: string): string {
  const known = parseAccessPackageStatus(status);
  return known ? ACCESS_PACKAGE_STATUSES[known].state : "submitted";
}

export function betaStatusOf(status: string): string {
  const known = parseAccessPackageStatus(status);
  return known ? ACCESS_PACKAGE_STATUSES[known].betaStatus : status;
}

/** beta `requestState` is the v1.0 state in PascalCase (PendingApproval, Delivered, …). */
export function betaStateOf(state: string): string {
  return state.charAt(0).toUpperCase() + state.slice(1);
}

export function isCancellableAccessPackageStatus(status: string): boolean {
  const known = parseAccessPackageStatus(status);
  return known !== undefined && CANCELLABLE_ACCESS_PACKAGE_STATUSES.includes(known);
}
