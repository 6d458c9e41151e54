/** One line of a bulk cancel receipt: what was asked, what it was before, and how it ended. */
export interface ReceiptRow {
  id: string;
  category: string;
  principal: string;
  target: string;
  statusBefore: string;
  outcome: string;
  graphCode: string;
  time: string;
}

const COLUMNS: Array<keyof ReceiptRow> = ["id", "category", "principal", "target", "statusBefore", "outcome", "graphCode", "time"];

// RFC 4180: quote fields with commas, quotes or line breaks; a leading =,+,-,@ is neutralised so a spreadsheet
// never runs a name as a formula.
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function receiptCsv(rows: readonly ReceiptRow[]): string {
  return [COLUMNS.join(","), ...rows.map((row) => COLUMNS.map((c) => csvField(row[c])).join(","))].join("\r\n") + "\r\n";
}

export function receiptJson(rows: readonly ReceiptRow[]): string {
  return JSON.stringify(rows, null, 2);
}

export function downloadReceipt(rows: readonly ReceiptRow[], format: "csv" | "json", startedAt: string): void {
  const body = format === "csv" ? receiptCsv(rows) : receiptJson(rows);
  const blob = new Blob([body], { type: format === "csv" ? "text/csv;charset=utf-8" : "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `request-desk-bulk-cancel-${startedAt.replace(/[:.]/g, "-")}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
