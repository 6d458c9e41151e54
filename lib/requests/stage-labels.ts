import type { RequestStage } from "./pending-request";

/** The words the UI uses for each lifecycle stage, the same for every category. */
export const STAGE_LABELS: Record<RequestStage, string> = {
  "awaiting-approval": "Awaiting approval",
  "approved-scheduled": "Approved, starts later",
  submitted: "Submitted",
  "in-progress": "Being provisioned",
  completed: "Completed",
  cancelled: "Cancelled",
  denied: "Denied",
  failed: "Failed",
  revoked: "Revoked",
  expired: "Expired",
};
