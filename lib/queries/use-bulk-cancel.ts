"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useAccessToken } from "@/lib/auth/use-access-token";
import { clearJournal, writeJournal, type BulkJournal } from "@/lib/bulk/bulk-journal";
import type { ReceiptRow } from "@/lib/bulk/receipt";
import { AppError } from "@/lib/errors/app-error";
import { rowKey } from "@/lib/queue/queue-query";
import { readOutcomeLine } from "@/lib/bulk/read-outcome-line";
import type { BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import type { CategorySlug, PendingRequest, RequestView } from "@/lib/requests/pending-request";
import { replaceItem, requestKeys, type RequestList } from "./request-queries";

export interface BulkRun {
  phase: "running" | "done" | "failed";
  total: number;
  outcomes: BulkOutcomeLine[];
  rows: ReceiptRow[];
  startedAt: string;
  error: string | null;
}

const JOURNAL_EVERY = 25;

/**
 * Cancels many requests through `POST /api/requests/cancel`, reading its NDJSON stream as it arrives: every row
 * shows "Cancelled" at once, each outcome then confirms or rolls its row back, and the lists are refetched at the
 * end so the table ends in Graph's real state. The run is journaled so a closed tab is noticed on the next visit.
 */
export function useBulkCancel() {
  const queryClient = useQueryClient();
  const getToken = useAccessToken();
  const [run, setRun] = useState<BulkRun | null>(null);
  const running = useRef(false);

  const start = useCallback(
    async (requests: PendingRequest[], view: RequestView) => {
      if (running.current || requests.length === 0) return;
      running.current = true;
      const startedAt = new Date().toISOString();
      const rows: ReceiptRow[] = requests.map((r) => ({
        id: r.id,
        category: r.category,
        principal: r.principal.displayName,
        target: r.target.displayName,
        statusBefore: r.statusDetail ? `${r.status} (${r.statusDetail})` : r.status,
        outcome: "not confirmed",
        graphCode: "",
        time: "",
      }));
      const journal: BulkJournal = { startedAt, rows, confirmed: [] };
      const rowsByKey = new Map(rows.map((row) => [rowKey(row), row]));
      writeJournal(journal);
      const before = new Map(requests.map((r) => [rowKey(r), r]));
      const categories = [...new Set(requests.map((r) => r.category))];
      await Promise.all(categories.map((c) => queryClient.cancelQueries({ queryKey: requestKeys.category(c) })));
      for (const request of requests) {
        writeRow(request.category, view, request.id, (item) => ({ ...item, stage: "cancelled", isOpen: false, cancellable: false }));
      }
      setRun({ phase: "running", total: requests.length, outcomes: [], rows, startedAt, error: null });

      const outcomes: BulkOutcomeLine[] = [];
      try {
        const token = await getToken();
        const response = await fetch("/api/requests/cancel", {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/x-ndjson" },
          body: JSON.stringify({ view, items: requests.map((r) => ({ category: r.category, id: r.id })) }),
        });
        if (!response.ok || !response.body) throw AppError.fromResponseBody(response.status, await response.json().catch(() => null));
        for await (const line of readLines(response.body)) {
          const outcome = readOutcomeLine(line);
          if (!outcome) continue;
          outcomes.push(outcome);
          const key = rowKey(outcome);
          const row = rowsByKey.get(key);
          if (row) Object.assign(row, { outcome: outcome.outcome, graphCode: outcome.graphCode ?? "", time: outcome.at });
          journal.confirmed.push(key);
          if (outcome.outcome !== "cancelled") {
            const previous = before.get(key);
            if (previous) writeRow(previous.category, view, previous.id, () => previous);
          }
          if (outcomes.length % JOURNAL_EVERY === 0) writeJournal(journal);
          setRun((current) => current && { ...current, outcomes: [...outcomes], rows: [...rows] });
        }
        clearJournal();
        setRun((current) => current && { ...current, phase: "done", outcomes: [...outcomes], rows: [...rows] });
      } catch (error) {
        writeJournal(journal);
        const confirmed = new Set(journal.confirmed);
        for (const key of before.keys()) {
          if (confirmed.has(key)) continue;
          const previous = before.get(key)!;
          writeRow(previous.category, view, previous.id, () => previous);
        }
        const message = error instanceof AppError ? error.message : "The connection to Request Desk was lost during the run.";
        setRun((current) => current && { ...current, phase: "failed", error: message, rows: [...rows] });
      } finally {
        running.current = false;
        await Promise.all(categories.map((c) => queryClient.invalidateQueries({ queryKey: requestKeys.category(c) })));
      }

      function writeRow(category: CategorySlug, v: RequestView, id: string, update: (item: PendingRequest) => PendingRequest) {
        queryClient.setQueryData<RequestList>(requestKeys.list(category, v), (list) => replaceItem(list, id, update));
      }
    },
    [getToken, queryClient],
  );

  return { run, start, dismiss: () => setRun(null) };
}

async function* readLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line) yield line;
      newline = buffer.indexOf("\n");
    }
  }
  if (buffer.trim()) yield buffer.trim();
}
