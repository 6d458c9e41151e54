"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useAccessToken } from "@/lib/auth/use-access-token";
import { useSignedInAccount } from "@/lib/auth/use-signed-in-account";
import { clearJournal, writeJournal, type BulkJournal } from "@/lib/bulk/bulk-journal";
import type { PausedBulkRun } from "@/lib/bulk/paused-run";
import type { ReceiptRow } from "@/lib/bulk/receipt";
import { tokenHeaders, tokensFor } from "@/lib/client/api-client";
import { AppError, type Upstream } from "@/lib/errors/app-error";
import { rowKey } from "@/lib/queue/queue-query";
import { DONE_LINE, readStreamLine } from "@/lib/bulk/read-stream-line";
import { BULK_CANCEL_MAX_ITEMS } from "@/lib/requests/bulk-constants";
import type { BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import { upstreamOf, type PendingRequest, type RequestView } from "@/lib/requests/pending-request";
import { replaceItems, requestKeys, type RequestList } from "./request-queries";

export interface BulkRun {
  /** `verifying`: paused while the user proves their identity again (a claims challenge); it then carries on. */
  phase: "running" | "verifying" | "done" | "failed";
  total: number;
  outcomes: BulkOutcomeLine[];
  rows: ReceiptRow[];
  startedAt: string;
  error: string | null;
}

// The journal is rewritten every this many outcomes, and whenever the page is left mid-run (pagehide).
const JOURNAL_EVERY = 25;

/** What the receipt says of requests the server refused to take (a 4xx before anything reached Graph). */
const NOT_SENT = "not sent";

/** Re-authentications one run makes for claims challenges before it reports the rest as not sent. */
const MAX_CHALLENGE_ROUNDS = 2;

/** Where a run starts: a fresh selection, or a run paused for a sign-in redirect that carries on as the same run. */
interface RunPlan {
  view: RequestView;
  startedAt: string;
  rows: ReceiptRow[];
  outcomes: BulkOutcomeLine[];
  /** Requests to send, as the list showed them before the run (rows roll back to these). */
  toSend: PendingRequest[];
}

/**
 * Cancels many requests through `POST /api/requests/cancel`, reading its NDJSON stream as it arrives: every row
 * shows "Cancelled" at once, each outcome then confirms or rolls its row back, and the lists are refetched at the
 * end so the table ends in Graph's real state. A selection larger than one call takes (1,000) is sent in several
 * calls, one after the other, as one run with one progress bar and one receipt. The run is journaled so a closed
 * tab is noticed on the next visit. Items Graph answers with a claims challenge (it did nothing) are sent again
 * once the user has a token that satisfies it; if that needs a redirect, the run is handed to `resume` afterwards.
 */
export function useBulkCancel(onRefused?: (request: PendingRequest, reason: string) => void) {
  const queryClient = useQueryClient();
  const getToken = useAccessToken();
  const accountId = useSignedInAccount()?.homeAccountId ?? "";
  const [run, setRun] = useState<BulkRun | null>(null);
  const running = useRef(false);

  const execute = useCallback(
    async ({ view, startedAt, rows, outcomes, toSend }: RunPlan) => {
      if (running.current || toSend.length === 0) return;
      running.current = true;
      const total = rows.length;
      const rowsByKey = new Map(rows.map((row) => [rowKey(row), row]));
      const journal: BulkJournal = { startedAt, rows, confirmed: outcomes.map(rowKey) };
      const queue = partsOf(toSend, BULK_CANCEL_MAX_ITEMS);
      let challengeRounds = 0;
      const confirm = (key: string) => journal.confirmed.push(key);
      const markNotSent = (part: readonly PendingRequest[]) => {
        for (const request of part) {
          const key = rowKey(request);
          Object.assign(rowsByKey.get(key)!, { outcome: NOT_SENT });
          confirm(key);
        }
      };

      // A token first: without one nothing is sent, so nothing is shown as cancelled or journaled as in doubt.
      const upstreamsIn = (part: readonly PendingRequest[]) => [...new Set(part.map((r) => upstreamOf(r.category)))];
      let tokens: Partial<Record<Upstream, string>>;
      try {
        tokens = await tokensFor(upstreamsIn(toSend), getToken);
      } catch (error) {
        running.current = false;
        markNotSent(toSend);
        const message = error instanceof AppError ? error.message : "Request Desk could not get an access token for this run.";
        setRun({ phase: "failed", total, outcomes, rows, startedAt, error: message });
        return;
      }

      writeJournal(accountId, journal);
      // Outcomes that arrived since the last periodic write must survive a tab closed now.
      const saveJournal = () => writeJournal(accountId, journal);
      window.addEventListener("pagehide", saveJournal);
      const before = new Map(toSend.map((r) => [rowKey(r), r]));
      const categories = [...new Set(toSend.map((r) => r.category))];
      await Promise.all(categories.map((c) => queryClient.cancelQueries({ queryKey: requestKeys.category(c) })));
      writeRows(view, new Map(toSend.map((r) => [rowKey(r), (item: PendingRequest) => ({ ...item, stage: "cancelled" as const, isOpen: false, cancellable: false })])));
      setRun({ phase: "running", total, outcomes: [...outcomes], rows, startedAt, error: null });
      // Rows coming back and progress on screen are written together, at most once a frame: a run of thousands
      // answers faster than the page could redraw a 10,000-row list for each.
      const restores = new Map<string, (item: PendingRequest) => PendingRequest>();
      let frame: number | undefined;
      const flush = () => {
        frame = undefined;
        if (restores.size > 0) writeRows(view, new Map(restores));
        restores.clear();
        setRun((current) => current && { ...current, outcomes: [...outcomes], rows: [...rows] });
      };
      const scheduleFlush = () => (frame ??= requestAnimationFrame(flush));
      const flushNow = () => {
        if (frame !== undefined) cancelAnimationFrame(frame);
        flush();
      };

      let partsSent = 0;
      try {
        for (let part = queue.shift(); part; part = queue.shift()) {
          // A token per part: a long, throttled run may outlive the one it started with.
          if (partsSent > 0) tokens = await tokensFor(upstreamsIn(part), getToken);
          partsSent++;
          const challenged: PendingRequest[] = [];
          let claims = "";
          let claimsUpstream: Upstream = "graph";
          const response = await fetch("/api/requests/cancel", {
            method: "POST",
            headers: { ...tokenHeaders(tokens), "Content-Type": "application/json", Accept: "application/x-ndjson" },
            body: JSON.stringify({ view, items: part.map((r) => ({ category: r.category, id: r.id })) }),
          });
          if (!response.ok || !response.body) {
            // The app refused the part as a whole (4xx) before anything reached Graph: none of it is in doubt. A 5xx
            // (a proxy or gateway in front of the app) proves nothing either way.
            if (response.status >= 400 && response.status < 500) markNotSent(part);
            throw AppError.fromResponseBody(response.status, await response.json().catch(() => null));
          }
          const answered = new Set<string>();
          let sawDone = false;
          for await (const line of readLines(response.body)) {
            const read = readStreamLine(line);
            if (read === DONE_LINE) sawDone = true;
            if (!read || read.type !== "outcome") continue;
            const outcome = read;
            const key = rowKey(outcome);
            answered.add(key);
            if (outcome.outcome === "claims_challenge") {
              // Graph did nothing with it: it goes again after the user has verified their identity.
              challenged.push(before.get(key)!);
              claims = outcome.claims ?? claims;
              claimsUpstream = upstreamOf(outcome.category);
              continue;
            }
            outcomes.push(outcome);
            const row = rowsByKey.get(key);
            if (row) Object.assign(row, { outcome: outcome.outcome, upstreamCode: outcome.upstreamCode ?? "", time: outcome.at });
            confirm(key);
            if (outcome.outcome !== "cancelled") {
              const previous = before.get(key);
              // Graph refused or it was over already: the row is back, without a Cancel that would be refused again.
              const retryable = outcome.outcome === "failed";
              if (previous) restores.set(key, () => (retryable ? previous : { ...previous, cancellable: false }));
              if (previous && (outcome.outcome === "not_cancellable" || outcome.outcome === "forbidden")) onRefused?.(previous, outcome.message);
            }
            if (outcomes.length % JOURNAL_EVERY === 0) saveJournal();
            scheduleFlush();
          }
          // A stream that stops before its "done" line, with requests it never reported, was cut off: those are in doubt.
          if (!sawDone && part.some((r) => !answered.has(rowKey(r)))) {
            throw new AppError("upstream_unavailable", "The run was cut off before every request was confirmed.");
          }
          if (challenged.length > 0) {
            if (!claims || ++challengeRounds > MAX_CHALLENGE_ROUNDS) {
              markNotSent(challenged);
              throw new AppError("claims_challenge", "Microsoft Graph kept asking you to verify your identity, so the rest of the run was not sent.");
            }
            flushNow();
            setRun((current) => current && { ...current, phase: "verifying" });
            const remaining = [...challenged, ...queue.flat()];
            // Nothing remaining was done by Graph, so nothing is in doubt while the user signs in (perhaps elsewhere).
            window.removeEventListener("pagehide", saveJournal);
            clearJournal(accountId);
            tokens[claimsUpstream] = await getToken({
              claims,
              audience: claimsUpstream,
              resume: { kind: "bulk", run: { view, startedAt, total, rows, outcomes, remaining } },
            });
            writeJournal(accountId, journal);
            window.addEventListener("pagehide", saveJournal);
            setRun((current) => current && { ...current, phase: "running" });
            queue.unshift(challenged);
            partsSent = 0;
          }
        }
        flushNow();
        clearJournal(accountId);
        setRun((current) => current && { ...current, phase: "done", outcomes: [...outcomes], rows: [...rows] });
      } catch (error) {
        // Parts never sent are not in doubt either.
        for (const part of queue) markNotSent(part);
        const confirmed = new Set(journal.confirmed);
        if (confirmed.size === rows.length) clearJournal(accountId);
        else saveJournal();
        for (const [key, previous] of before) {
          if (confirmed.has(key) && rowsByKey.get(key)?.outcome !== NOT_SENT) continue;
          restores.set(key, () => previous);
        }
        flushNow();
        const message = error instanceof AppError ? error.message : "The connection to Request Desk was lost during the run.";
        setRun((current) => current && { ...current, phase: "failed", error: message, outcomes: [...outcomes], rows: [...rows] });
      } finally {
        window.removeEventListener("pagehide", saveJournal);
        running.current = false;
        await Promise.all(categories.map((c) => queryClient.invalidateQueries({ queryKey: requestKeys.category(c) })));
      }

      /** One cache write per category however many rows change: each write compares the whole list. */
      function writeRows(v: RequestView, updates: ReadonlyMap<string, (item: PendingRequest) => PendingRequest>) {
        const touched = new Set([...updates.keys()].map((key) => before.get(key)!.category));
        for (const category of touched) {
          queryClient.setQueryData<RequestList>(requestKeys.list(category, v), (list) => replaceItems(list, (item) => updates.get(rowKey(item))));
        }
      }
    },
    [accountId, getToken, queryClient, onRefused],
  );

  const start = useCallback(
    (requests: PendingRequest[], view: RequestView) =>
      execute({ view, startedAt: new Date().toISOString(), rows: requests.map(receiptRowFor), outcomes: [], toSend: requests }),
    [execute],
  );
  /** Carries on a run that a sign-in redirect paused: same start time, progress and receipt. */
  const resume = useCallback(
    (paused: PausedBulkRun) => execute({ view: paused.view, startedAt: paused.startedAt, rows: paused.rows, outcomes: paused.outcomes, toSend: paused.remaining }),
    [execute],
  );

  return { run, start, resume, dismiss: () => setRun(null) };
}

function receiptRowFor(r: PendingRequest): ReceiptRow {
  return {
    id: r.id,
    category: r.category,
    principal: r.principal.displayName,
    target: r.target.displayName,
    statusBefore: r.statusDetail ? `${r.status} (${r.statusDetail})` : r.status,
    outcome: "not confirmed",
    upstreamCode: "",
    time: "",
  };
}

/** The selection in calls the server takes, in order. */
function partsOf<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let index = 0; index < items.length; index += size) parts.push(items.slice(index, index + size));
  return parts;
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
