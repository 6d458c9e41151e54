import type { PendingRequest, RequestStage } from "@/lib/requests/pending-request";
import { STAGE_LABELS } from "@/lib/requests/stage-labels";

const STAGE_STYLES: Record<RequestStage, string> = {
  "awaiting-approval": "bg-amber-100 text-amber-900 ring-amber-300",
  "approved-scheduled": "bg-sky-100 text-sky-900 ring-sky-300",
  submitted: "bg-sky-100 text-sky-900 ring-sky-300",
  "in-progress": "bg-violet-100 text-violet-900 ring-violet-300",
  completed: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  cancelled: "bg-slate-200 text-slate-800 ring-slate-300",
  denied: "bg-red-100 text-red-900 ring-red-300",
  failed: "bg-red-100 text-red-900 ring-red-300",
  revoked: "bg-slate-200 text-slate-800 ring-slate-300",
  expired: "bg-slate-200 text-slate-800 ring-slate-300",
};

/** The plain-language stage; Graph's own status underneath when the user asked to see it. */
export function StatusBadge({ request, showRaw }: { request: PendingRequest; showRaw: boolean }) {
  const raw = request.statusDetail ? `${request.status} · ${request.statusDetail}` : request.status;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <span
        data-testid="status-badge"
        className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STAGE_STYLES[request.stage]}`}
      >
        {STAGE_LABELS[request.stage]}
      </span>
      {showRaw && (
        <span className="font-mono text-[11px] text-slate-700" data-testid="graph-status" title="Status as Microsoft Graph reports it">
          {raw}
        </span>
      )}
    </div>
  );
}
