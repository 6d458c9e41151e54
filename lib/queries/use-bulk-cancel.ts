"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useAccessToken } from "@/lib/auth/use-access-token";
import { useSignedInAccount } from "@/lib/auth/use-signed-in-account";
import { openRunJournal, type RunJournal } from "@/lib/bulk/bulk-journal";
import { runBulkParts, type BulkRunEnd, type Tokens } from "@/lib/bulk/bulk-run";
import { createFrameBatcher, type FrameBatcher } from "@/lib/bulk/frame-batcher";
import type { PausedBulkRun } from "@/lib/bulk/paused-run";
import type { ReceiptRow } from "@/lib/bulk/receipt";
import { tokenHeaders, tokensFor } from "@/lib/client/api-client";
import { AppError, type Upstream } from "@/lib/errors/app-error";
import { rowKey } from "@/lib/queue/queue-query";
import type { BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import { upstreamOf, type PendingRequest, type RequestView } from "@/lib/requests/pending-request";
import { replaceItems, requestKeys, type RequestList } from "./request-queries";

export interface BulkRun {
  /**
   * `verifying`: paused while the user proves their identity again (a claims challenge, or a new sign-in); it then
   * carries on. `paused`: an upstream rejected the token; the user chooses to sign in again and continue, or stop.
   */
  phase: "running" | "verifying" | "paused" | "done" | "failed";
  total: number;
  outcomes: BulkOutcomeLine[];
  rows: ReceiptRow[];
  startedAt: string;
  error: string | null;
  /** With `paused`: whose token was rejected, its words, and the run as it stands (what continuing sends). */
  paused?: { upstream: Upstream; message: string; run: PausedBulkRun };
}

/** What the receipt says of requests never sent (refused whole by the app, or left when the user stopped). */
const NOT_SENT = "not sent";

/** Where a run starts: a fresh selection, or a paused run that carries on as the same run. */
interface RunPlan {
  view: RequestView;
  startedAt: string;
  rows: ReceiptRow[];
  outcomes: BulkOutcomeLine[];
  /** Requests to send, as the list showed them before the run (rows roll back to these). */
  toSend: PendingRequest[];
}

/** One run as the mutation carries it: the plan, its first tokens, and what it learns as it goes. */
interface RunSession extends RunPlan {
  tokens: Tokens;
  rowsByKey: Map<string, ReceiptRow>;
  before: Map<string, PendingRequest>;
  journal: RunJournal;
  /** Rows to put back in the lists at the next redraw (refused, failed, not sent). */
  restores: Map<string, (item: PendingRequest) => PendingRequest>;
  redraw: FrameBatcher;
  saveOnLeave: () => void;
}

/**
 * Cancels many requests through `POST /api/requests/cancel` as one mutation: `onMutate` shows every row as
 * cancelled, the run (lib/bulk/bulk-run) reads the NDJSON stream and confirms or rolls back each row as its outcome
 * arrives, redrawn at most once a frame (lib/bulk/frame-batcher), journaled so a closed tab is noticed on the next
 * visit (lib/bulk/bulk-journal), and `onSettled` refetches the lists so the table ends in the upstreams' real
 * state. A run met by a claims challenge carries on once the user has verified (after a redirect, through `resume`);
 * a run whose token an upstream rejects pauses, and `signInAgain` continues it with a renewed token, sending only
 * what was never answered, into the same progress and receipt.
 */
export function useBulkCancel(onRefused?: (request: PendingRequest, reason: string) => void) {
  const queryClient = useQueryClient();
  const getToken = useAccessToken();
  const accountId = useSignedInAccount()?.homeAccountId ?? "";
  const [run, setRun] = useState<BulkRun | null>(null);
  // Set synchronously on start: the mutation's own pending flag comes a render later.
  const running = useRef(false);

  /** One cache write per category however many rows change: each write compares the whole list. */
  const writeRows = useCallback(
    (session: RunSession, updates: ReadonlyMap<string, (item: PendingRequest) => PendingRequest>) => {
      const touched = new Set([...updates.keys()].flatMap((key) => session.before.get(key)?.category ?? []));
      for (const category of touched) {
        queryClient.setQueryData<RequestList>(requestKeys.list(category, session.view), (list) => replaceItems(list, (item) => updates.get(rowKey(item))));
      }
    },
    [queryClient],
  );

  const markNotSent = (session: RunSession, requests: readonly PendingRequest[]) => {
    for (const request of requests) {
      const key = rowKey(request);
      const row = session.rowsByKey.get(key);
      if (row) row.outcome = NOT_SENT;
      session.journal.confirm(key);
      const previous = session.before.get(key);
      if (previous) session.restores.set(key, () => previous);
    }
  };

  const mutation = useMutation<BulkRunEnd, AppError, RunSession, void>({
    onMutate: async (session) => {
      const categories = [...new Set(session.toSend.map((r) => r.category))];
      await Promise.all(categories.map((c) => queryClient.cancelQueries({ queryKey: requestKeys.category(c) })));
      writeRows(session, new Map(session.toSend.map((r) => [rowKey(r), (item: PendingRequest) => ({ ...item, stage: "cancelled" as const, isOpen: false, cancellable: false })])));
      session.journal.save();
      window.addEventListener("pagehide", session.saveOnLeave);
      setRun({ phase: "running", total: session.rows.length, outcomes: [...session.outcomes], rows: session.rows, startedAt: session.startedAt, error: null });
    },
    mutationFn: (session) => {
      let first: Tokens | undefined = session.tokens;
      return runBulkParts(session.toSend, {
        tokens: async (upstreams) => {
          // The run's first tokens were got before anything showed as cancelled; later parts ask again.
          const tokens = first ?? (await tokensFor(upstreams, getToken));
          first = undefined;
          return tokens;
        },
        send: (part, tokens) =>
          fetch("/api/requests/cancel", {
            method: "POST",
            headers: { ...tokenHeaders(tokens), "Content-Type": "application/json", Accept: "application/x-ndjson" },
            body: JSON.stringify({ view: session.view, items: part.map((r) => ({ category: r.category, id: r.id })) }),
          }),
        satisfyClaims: async (claims, audience, remaining) => {
          session.redraw.flushNow();
          setRun((current) => current && { ...current, phase: "verifying" });
          // Nothing remaining was done by the upstream, so nothing is in doubt while the user signs in (perhaps elsewhere).
          window.removeEventListener("pagehide", session.saveOnLeave);
          session.journal.clear();
          const token = await getToken({ claims, audience, resume: { kind: "bulk", run: pausedRun(session, remaining) } });
          session.journal.save();
          window.addEventListener("pagehide", session.saveOnLeave);
          setRun((current) => current && { ...current, phase: "running" });
          return token;
        },
        onOutcome: (outcome) => {
          const key = rowKey(outcome);
          session.outcomes.push(outcome);
          const row = session.rowsByKey.get(key);
          if (row) Object.assign(row, { outcome: outcome.outcome, upstreamCode: outcome.upstreamCode ?? "", requestId: outcome.requestId ?? "", time: outcome.at });
          session.journal.confirm(key);
          const previous = session.before.get(key);
          if (outcome.outcome !== "cancelled" && previous) {
            // Refused or over already: the row is back, without a Cancel that would be refused again.
            const retryable = outcome.outcome === "failed";
            session.restores.set(key, () => (retryable ? previous : { ...previous, cancellable: false }));
            if (outcome.outcome === "not_cancellable" || outcome.outcome === "forbidden") onRefused?.(previous, outcome.message);
          }
          session.redraw.request();
        },
      });
    },
    onSuccess: (end, session) => {
      if (end.kind === "done") {
        session.redraw.flushNow();
        session.journal.clear();
        setRun((current) => current && { ...current, phase: "done" });
        return;
      }
      if (end.kind === "token_rejected") {
        // Nothing remaining was touched: the rows are back as they were, and nothing is in doubt while paused.
        for (const request of end.remaining) session.restores.set(rowKey(request), () => session.before.get(rowKey(request)) ?? request);
        session.redraw.flushNow();
        session.journal.clear();
        const paused = pausedRun(session, end.remaining);
        setRun((current) => current && { ...current, phase: "paused", paused: { upstream: end.upstream, message: end.message, run: paused } });
        return;
      }
      markNotSent(session, end.notSent);
      finishFailed(session, end.error.message);
    },
    onError: (error, session) => finishFailed(session, error instanceof AppError ? error.message : "The connection to Request Desk was lost during the run."),
    onSettled: async (_end, _error, session) => {
      window.removeEventListener("pagehide", session.saveOnLeave);
      running.current = false;
      const categories = [...new Set(session.toSend.map((r) => r.category))];
      await Promise.all(categories.map((c) => queryClient.invalidateQueries({ queryKey: requestKeys.category(c) })));
    },
  });

  /** A run that stopped with requests in doubt: those keep "not confirmed" in the journal and the receipt. */
  function finishFailed(session: RunSession, message: string) {
    const confirmed = new Set(session.journal.value.confirmed);
    if (confirmed.size === session.rows.length) session.journal.clear();
    else session.journal.save();
    for (const [key, previous] of session.before) {
      if (confirmed.has(key) && session.rowsByKey.get(key)?.outcome !== NOT_SENT) continue;
      session.restores.set(key, () => previous);
    }
    session.redraw.flushNow();
    setRun((current) => current && { ...current, phase: "failed", error: message });
  }

  const { mutate } = mutation;
  const execute = useCallback(
    async (plan: RunPlan) => {
      if (running.current || plan.toSend.length === 0) return;
      running.current = true;
      const rowsByKey = new Map(plan.rows.map((row) => [rowKey(row), row]));
      const journal = openRunJournal(accountId, plan.startedAt, plan.rows, plan.outcomes.map(rowKey));
      // A token first: without one nothing is sent, so nothing is shown as cancelled or journaled as in doubt.
      let tokens: Tokens;
      try {
        tokens = await tokensFor([...new Set(plan.toSend.map((r) => upstreamOf(r.category)))], getToken);
      } catch (error) {
        running.current = false;
        for (const request of plan.toSend) {
          const row = rowsByKey.get(rowKey(request));
          if (row) row.outcome = NOT_SENT;
        }
        const message = error instanceof AppError ? error.message : "Request Desk could not get an access token for this run.";
        setRun({ phase: "failed", total: plan.rows.length, outcomes: plan.outcomes, rows: plan.rows, startedAt: plan.startedAt, error: message });
        return;
      }
      const session: RunSession = {
        ...plan,
        outcomes: [...plan.outcomes],
        tokens,
        rowsByKey,
        before: new Map(plan.toSend.map((r) => [rowKey(r), r])),
        journal,
        restores: new Map(),
        redraw: createFrameBatcher(() => {
          // Rows coming back and progress on screen are written together, at most once a frame.
          if (session.restores.size > 0) writeRows(session, new Map(session.restores));
          session.restores.clear();
          setRun((current) => current && { ...current, outcomes: [...session.outcomes], rows: [...session.rows] });
        }),
        saveOnLeave: () => journal.save(),
      };
      mutate(session);
    },
    [accountId, getToken, mutate, writeRows],
  );

  const start = useCallback(
    (requests: PendingRequest[], view: RequestView) =>
      execute({ view, startedAt: new Date().toISOString(), rows: requests.map(receiptRowFor), outcomes: [], toSend: requests }),
    [execute],
  );
  /** Carries on a paused run (after a sign-in redirect, or a new sign-in here): same start time, progress and receipt. */
  const resume = useCallback(
    (paused: PausedBulkRun) => execute({ view: paused.view, startedAt: paused.startedAt, rows: paused.rows, outcomes: paused.outcomes, toSend: paused.remaining }),
    [execute],
  );

  /** "Sign in again and continue": a renewed token of the API that rejected the old one, then the rest of the run. */
  const signInAgain = useCallback(async () => {
    const paused = run?.phase === "paused" ? run.paused : undefined;
    if (!paused) return;
    setRun((current) => current && { ...current, phase: "verifying", error: null });
    try {
      // If renewing needs the user at the identity provider, the run carries on after the redirect (`resume`).
      await getToken({ audience: paused.upstream, forceRefresh: true, resume: { kind: "bulk", run: paused.run } });
    } catch (error) {
      const message = error instanceof AppError ? error.message : "Request Desk could not renew your sign-in.";
      setRun((current) => current && { ...current, phase: "paused", error: message });
      return;
    }
    setRun((current) => current && { ...current, paused: undefined });
    await resume(paused.run);
  }, [getToken, resume, run]);

  /** "Stop here": what was never sent is listed as not sent, and the run is over with one receipt. */
  const stopHere = useCallback(() => {
    const paused = run?.phase === "paused" ? run.paused : undefined;
    if (!paused) return;
    const left = new Set(paused.run.remaining.map(rowKey));
    const rows = run!.rows.map((row) => (left.has(rowKey(row)) ? { ...row, outcome: NOT_SENT } : row));
    setRun((current) => current && { ...current, phase: "done", rows, paused: undefined });
  }, [run]);

  return { run, start, resume, signInAgain, stopHere, dismiss: () => setRun(null) };
}

function pausedRun(session: RunSession, remaining: PendingRequest[]): PausedBulkRun {
  return { view: session.view, startedAt: session.startedAt, total: session.rows.length, rows: session.rows, outcomes: session.outcomes, remaining };
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
    requestId: "",
    time: "",
  };
}
