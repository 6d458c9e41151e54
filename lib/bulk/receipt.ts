import { csvFileBody, toCsv } from "@/lib/export/csv";
import { downloadFile, fileStamp } from "@/lib/export/download-file";

/** One line of a bulk cancel receipt: what was asked, what it was before, and how it ended. */
export interface ReceiptRow {
  id: string;
  category: string;
  principal: string;
  target: string;
  statusBefore: string;
  outcome: string;
  upstreamCode: string;
  /** The upstream's id of the answer that decided the outcome (Graph's request-id, ARM's x-ms-request-id), for support. */
  requestId: string;
  time: string;
}

const COLUMNS: Array<keyof ReceiptRow> = ["id", "category", "principal", "target", "statusBefore", "outcome", "upstreamCode", "requestId", "time"];

export function receiptCsv(rows: readonly ReceiptRow[]): string {
  return toCsv(COLUMNS, rows.map(withRequestId));
}

// A run journaled by an earlier version of the app has rows without a request id.
function withRequestId(row: ReceiptRow): ReceiptRow {
  return { ...row, requestId: row.requestId ?? "" };
}

export function receiptJson(rows: readonly ReceiptRow[]): string {
  return JSON.stringify(rows.map(withRequestId), null, 2);
}

export function downloadReceipt(rows: readonly ReceiptRow[], format: "csv" | "json", startedAt: string): void {
  const body = format === "csv" ? csvFileBody(receiptCsv(rows)) : receiptJson(rows);
  downloadFile(`request-desk-bulk-cancel-${fileStamp(startedAt)}.${format}`, body, format === "csv" ? "text/csv;charset=utf-8" : "application/json");
}
