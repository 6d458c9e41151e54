import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { memoryStorage } from "../../test-support/memory-storage";
import { forgetJournal, JOURNAL_EVERY, openRunJournal, readJournal, unconfirmedRows } from "./bulk-journal";
import type { ReceiptRow } from "./receipt";

const row = (id: string): ReceiptRow => ({ id, category: "group-assignment", principal: "Megan", target: "Finance", statusBefore: "PendingApproval", outcome: "not confirmed", upstreamCode: "", requestId: "", time: "" });

beforeEach(() => {
  vi.stubGlobal("localStorage", memoryStorage());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the run journal", () => {
  it("lists, after a closed tab, exactly the requests whose outcome never arrived", () => {
    const rows = ["a", "b", "c"].map(row);
    const journal = openRunJournal("alice", "2026-11-24T10:00:00Z", rows, ["group-assignment:a"]);
    journal.save();
    journal.confirm("group-assignment:b");
    journal.save();
    const found = readJournal("alice")!;
    expect(unconfirmedRows(found).map((r) => r.id)).toEqual(["c"]);
  });

  it("writes itself every few outcomes without being asked, so a crash loses at most that many", () => {
    const rows = Array.from({ length: JOURNAL_EVERY + 1 }, (_, i) => row(String(i)));
    const journal = openRunJournal("alice", "2026-11-24T10:00:00Z", rows, []);
    rows.slice(0, JOURNAL_EVERY).forEach((r) => journal.confirm(`group-assignment:${r.id}`));
    expect(unconfirmedRows(readJournal("alice")!).map((r) => r.id)).toEqual([String(JOURNAL_EVERY)]);
  });

  it("is one per account, and gone for good once that account signs out", () => {
    const journal = openRunJournal("bob", "2026-11-24T10:00:00Z", [row("a")], []);
    journal.save();
    expect(readJournal("alice")).toBeNull();
    forgetJournal("bob");
    journal.save();
    expect(readJournal("bob")).toBeNull();
  });

  it("is removed when nothing is in doubt", () => {
    const journal = openRunJournal("carol", "2026-11-24T10:00:00Z", [row("a")], []);
    journal.save();
    journal.clear();
    expect(readJournal("carol")).toBeNull();
  });
});
