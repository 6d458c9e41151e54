import { rowKey } from "@/lib/queue/queue-query";
import type { ReceiptRow } from "./receipt";

// A bulk cancel in progress is written to localStorage as it runs. If the tab closes mid-run, the next visit finds
// the journal and says which requests were never confirmed, instead of leaving the admin guessing. One journal per
// account: it names other people and what they asked for, so the next person at this browser never sees it, and
// signing out removes it.
const KEY_PREFIX = "request-desk.bulk-cancel-journal.";

export interface BulkJournal {
  startedAt: string;
  rows: ReceiptRow[];
  /** Row keys (category:id) whose outcome arrived. */
  confirmed: string[];
}

// Accounts signed out in this page: a run still going (its pagehide save, its periodic one) must not write back
// the journal that signing out removed.
const signedOut = new Set<string>();

export function writeJournal(accountId: string, journal: BulkJournal): void {
  if (signedOut.has(accountId)) return;
  try {
    localStorage.setItem(KEY_PREFIX + accountId, JSON.stringify(journal));
  } catch {
    // Storage unavailable: the run still works, only the interrupted-run notice is lost.
  }
}

export function readJournal(accountId: string): BulkJournal | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY_PREFIX + accountId) ?? "null") as BulkJournal | null;
    return value && Array.isArray(value.rows) && Array.isArray(value.confirmed) ? value : null;
  } catch {
    return null;
  }
}

export function clearJournal(accountId: string): void {
  try {
    localStorage.removeItem(KEY_PREFIX + accountId);
  } catch {
    // nothing to clear
  }
}

export function unconfirmedRows(journal: BulkJournal): ReceiptRow[] {
  const confirmed = new Set(journal.confirmed);
  return journal.rows.filter((row) => !confirmed.has(rowKey(row)));
}

/** Signing out: the journal goes, and nothing of this page writes it again. */
export function forgetJournal(accountId: string): void {
  signedOut.add(accountId);
  clearJournal(accountId);
}

/** The journal of one run as it goes: what it holds, and when it is written. */
export interface RunJournal {
  readonly value: BulkJournal;
  /** An item's outcome arrived (or it is known never to have been sent): it is no longer in doubt. */
  confirm(key: string): void;
  /** Written now: every JOURNAL_EVERY confirmations, when the page is left, when the run stops. */
  save(): void;
  /** Removed: nothing is in doubt (the run ended with every item confirmed, or paused with nothing in flight). */
  clear(): void;
}

/** The journal is rewritten every this many outcomes, and whenever the page is left mid-run (pagehide). */
export const JOURNAL_EVERY = 25;

export function openRunJournal(accountId: string, startedAt: string, rows: ReceiptRow[], confirmed: readonly string[]): RunJournal {
  const value: BulkJournal = { startedAt, rows, confirmed: [...confirmed] };
  let sinceSave = 0;
  const save = () => {
    sinceSave = 0;
    writeJournal(accountId, value);
  };
  return {
    value,
    confirm(key) {
      value.confirmed.push(key);
      if (++sinceSave >= JOURNAL_EVERY) save();
    },
    save,
    clear: () => clearJournal(accountId),
  };
}
