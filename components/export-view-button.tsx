"use client";

import { useState } from "react";
import type { CategorySlug, CategorySummary, PendingRequest } from "@/lib/requests/pending-request";

/**
 * Downloads the rows as shown (filters, search and sort applied) for someone who cannot see this queue. Not while
 * pages are still arriving: a file that silently lacks the rest would be taken for the whole queue.
 */
export function ExportViewButton({
  rows,
  categories,
  partial,
}: {
  rows: readonly PendingRequest[];
  categories: ReadonlyMap<string, CategorySummary>;
  partial: boolean;
}) {
  const label = (slug: CategorySlug) => categories.get(slug)?.label ?? slug;
  const [failed, setFailed] = useState(false);
  const exportNow = () => {
    setFailed(false);
    // The code comes on the first click: offline at that moment, the user is told rather than left with no file.
    exportRows(rows, label).catch(() => setFailed(true));
  };
  return (
    <button
      type="button"
      disabled={rows.length === 0 || partial}
      title={partial ? "Available once every page of the queue has arrived" : undefined}
      onClick={exportNow}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100 disabled:text-slate-500"
    >
      {failed ? "Export failed (offline?): try again" : "Export view (CSV)"}
    </button>
  );
}

/** The CSV code is fetched on the first click: few visits export, and every visit would pay for it (B1). */
async function exportRows(rows: readonly PendingRequest[], label: (slug: CategorySlug) => string): Promise<void> {
  const [{ csvFileBody }, { downloadFile, fileStamp }, { queueCsv }] = await Promise.all([
    import("@/lib/export/csv"),
    import("@/lib/export/download-file"),
    import("@/lib/queue/queue-export"),
  ]);
  downloadFile(`request-desk-queue-${fileStamp(new Date().toISOString())}.csv`, csvFileBody(queueCsv(rows, label)), "text/csv;charset=utf-8");
}
