import { rowKey } from "@/lib/queue/queue-query";
import type { ReceiptRow } from "./receipt";

// A bulk cancel in progress is written to localStorage as it runs. If the tab closes mid-run, the next visit finds
// the journal and says which requests were never confirmed, instead of leaving the admin guessing.
const KEY = "request-desk.bulk-cancel-journal";

export interface BulkJournal {
  startedAt: string;
  rows: ReceiptRow[];
  /** Row keys (category:id) whose outcome arrived. */
  confirmed: string[];
}

export function writeJournal(journal: BulkJournal): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(journal));
  } catch {
    // Storage unavailable: the run still works, only the interrupted-run notice is lost.
  }
}

export function readJournal(): BulkJournal | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "null") as BulkJournal | null;
    return value && Array.isArray(value.rows) && Array.isArray(value.confirmed) ? value : null;
  } catch {
    return null;
  }
}

export function clearJournal(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}

export function unconfirmedRows(journal: BulkJournal): ReceiptRow[] {
  const confirmed = new Set(journal.confirmed);
  return journal.rows.filter((row) => !confirmed.has(rowKey(row)));
}
