"use client";

import { unconfirmedRows, type BulkJournal } from "@/lib/bulk/bulk-journal";
import { downloadReceipt } from "@/lib/bulk/receipt";
import { rowKey } from "@/lib/queue/queue-query";
import { formatAbsolute } from "@/lib/requests/format-dates";
import { DismissButton } from "./dismiss-button";
import { Notice } from "./notice";

/** What InterruptedRunNotice shows when a journal is left: which requests of that bulk cancel were never confirmed. */
export function InterruptedRunDetails({ journal, dismiss }: { journal: BulkJournal; dismiss: () => void }) {
  const missing = unconfirmedRows(journal);
  return (
    <Notice
      tone="warning"
      role="alert"
      title={`A bulk cancel started ${formatAbsolute(journal.startedAt)} did not finish`}
      action={
        <div className="flex gap-2">
          <button type="button" onClick={() => downloadReceipt(journal.rows, "csv", journal.startedAt)} className="rounded-md border border-current px-3 py-1 font-medium">
            Download receipt
          </button>
          <DismissButton what="unfinished bulk cancel" onClick={dismiss} />
        </div>
      }
    >
      <p>
        {missing.length} of {journal.rows.length} requests were not confirmed before the page closed. Their state in the
        list below is Graph&apos;s current one; check them before cancelling again.
      </p>
      <ul className="mt-1 max-h-32 list-disc overflow-y-auto pl-5" data-testid="unconfirmed-requests">
        {missing.slice(0, 50).map((row) => (
          <li key={rowKey(row)}>
            {row.principal} → {row.target}
          </li>
        ))}
        {missing.length > 50 && <li>… and {missing.length - 50} more (see the receipt)</li>}
      </ul>
    </Notice>
  );
}
