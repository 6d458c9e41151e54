import type { PendingRequest } from "./pending-request";

/** A pending request for unit tests: an open, cancellable PIM for Groups request, with what the test sets. */
export function sampleRequest(overrides: Partial<PendingRequest> = {}): PendingRequest {
  return {
    id: "r",
    category: "group-assignment",
    status: "PendingApproval",
    statusDetail: null,
    stage: "awaiting-approval",
    isOpen: true,
    cancellable: true,
    createdDateTime: "2026-11-01T00:00:00Z",
    principal: { id: "p", displayName: "Megan Bowen" },
    target: { id: "t", displayName: "Finance Approvers", kind: "Active member" },
    requestedBy: null,
    justification: "Quarter-end close",
    action: null,
    schedule: null,
    ticket: null,
    ...overrides,
  };
}
