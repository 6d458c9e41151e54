import { toCsv } from "@/lib/export/csv";
import type { CategorySlug, PendingRequest } from "@/lib/requests/pending-request";
import { STAGE_LABELS } from "@/lib/requests/stage-labels";

/** One line of an exported queue: what an admin needs to discuss a request with someone who has no access. */
interface QueueExportRow {
  id: string;
  category: string;
  principal: string;
  principalId: string;
  target: string;
  targetKind: string;
  state: string;
  upstreamStatus: string;
  cancellable: string;
  created: string;
  requestedBy: string;
  justification: string;
  ticket: string;
}

const COLUMNS: Array<keyof QueueExportRow> = [
  "id",
  "category",
  "principal",
  "principalId",
  "target",
  "targetKind",
  "state",
  "upstreamStatus",
  "cancellable",
  "created",
  "requestedBy",
  "justification",
  "ticket",
];

function exportRow(request: PendingRequest, categoryLabel: (slug: CategorySlug) => string): QueueExportRow {
  const ticket = request.ticket ? [request.ticket.system, request.ticket.number].filter(Boolean).join(" ") : "";
  return {
    id: request.id,
    category: categoryLabel(request.category),
    principal: request.principal.displayName,
    principalId: request.principal.id,
    target: request.target.displayName,
    targetKind: request.target.kind,
    state: STAGE_LABELS[request.stage],
    upstreamStatus: request.statusDetail ? `${request.status} (${request.statusDetail})` : request.status,
    cancellable: request.cancellable ? "yes" : "no",
    created: request.createdDateTime ?? "",
    requestedBy: request.requestedBy?.displayName ?? "",
    justification: request.justification ?? "",
    ticket,
  };
}

/** The rows on screen (filtered and sorted as shown) as CSV. */
export function queueCsv(requests: readonly PendingRequest[], categoryLabel: (slug: CategorySlug) => string): string {
  return toCsv(COLUMNS, requests.map((r) => exportRow(r, categoryLabel)));
}
