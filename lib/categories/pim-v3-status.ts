import type { RequestStage } from "@/lib/requests/pending-request";

// The PIM v3 request status vocabulary (contract §2, `request.status`), shared by PIM for Groups and the
// directory-role schedule requests. The CSDL types status as a free string, so unknown values stay open.
const STAGE_BY_STATUS: Readonly<Record<string, RequestStage>> = {
  PendingApproval: "awaiting-approval",
  PendingAdminDecision: "awaiting-approval",
  Granted: "approved-scheduled",
  PendingProvisioning: "in-progress",
  PendingScheduleCreation: "in-progress",
  Provisioned: "completed",
  ScheduleCreated: "completed",
  Canceled: "cancelled",
  Denied: "denied",
  Failed: "failed",
  Revoked: "revoked",
};

const OPEN_STAGES: ReadonlySet<RequestStage> = new Set(["awaiting-approval", "approved-scheduled", "submitted", "in-progress"]);

export function pimV3Stage(status: string): RequestStage {
  return STAGE_BY_STATUS[status] ?? "in-progress";
}

export function isOpenStage(stage: RequestStage): boolean {
  return OPEN_STAGES.has(stage);
}

/** Graph compares these statuses case-insensitively in practice; the docs mix casings. */
export function statusIn(status: string | null | undefined, allowed: readonly string[]): boolean {
  if (!status) return false;
  const wanted = status.toLowerCase();
  return allowed.some((s) => s.toLowerCase() === wanted);
}
