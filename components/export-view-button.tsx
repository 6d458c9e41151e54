"use client";

import { downloadFile, fileStamp } from "@/lib/export/download-file";
import { queueCsv } from "@/lib/queue/queue-export";
import type { CategorySlug, CategorySummary, PendingRequest } from "@/lib/requests/pending-request";

/** Downloads the rows as shown (filters, search and sort applied) for someone who cannot see this queue. */
export function ExportViewButton({ rows, categories }: { rows: readonly PendingRequest[]; categories: ReadonlyMap<string, CategorySummary> }) {
  const label = (slug: CategorySlug) => categories.get(slug)?.label ?? slug;
  return (
    <button
      type="button"
      disabled={rows.length === 0}
      onClick={() => downloadFile(`request-desk-queue-${fileStamp(new Date().toISOString())}.csv`, queueCsv(rows, label), "text/csv;charset=utf-8")}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100 disabled:text-slate-500"
    >
      Export view (CSV)
    </button>
  );
}
