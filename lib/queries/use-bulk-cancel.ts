"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useAccessToken } from "@/lib/auth/use-access-token";
import { useSignedInAccount } from "@/lib/auth/use-signed-in-account";
import type { BulkRunEnd } from "@/lib/bulk/bulk-run";
import { NOT_SENT, planOfPaused, type BulkRun, type RunPlan } from "@/lib/bulk/bulk-run-state";
import type { RunSession } from "@/lib/bulk/bulk-run-session";
import type { PausedBulkRun } from "@/lib/bulk/paused-run";
import { AppError } from "@/lib/errors/app-error";
import { rowKey } from "@/lib/queue/queue-query";
import type { PendingRequest, RequestView } from "@/lib/requests/pending-request";

export type { BulkRun } from "@/lib/bulk/bulk-run-state";

/** The run's code, fetched when a run starts (preloadDialogs, in components/lazy-dialogs, usually has it here already). */
const loadRunSession = () => import("@/lib/bulk/bulk-run-session");

/**
 * Cancels many requests through `POST /api/requests/cancel` as one mutation: `onMutate` shows every row as
 * cancelled, the run (lib/bulk/bulk-run) reads the NDJSON stream and confirms or rolls back each row as its outcome
 * arrives, redrawn at most once a frame (lib/bulk/frame-batcher), journaled so a closed tab is noticed on the next
 * visit (lib/bulk/bulk-journal), and `onSettled` refetches the lists so the table ends in the upstreams' real
 * state; each step is lib/bulk/bulk-run-session's. A run met by a claims challenge carries on once the user has
 * verified (after a redirect, through `resume`); a run whose token an upstream rejects pauses, and `signInAgain`
 * continues it with a renewed token, sending only what was never answered, into the same progress and receipt.
 */
export function useBulkCancel(onRefused?: (request: PendingRequest, reason: string) => void) {
  const queryClient = useQueryClient();
  const getToken = useAccessToken();
  const accountId = useSignedInAccount()?.homeAccountId ?? "";
  const [run, setRun] = useState<BulkRun | null>(null);
  // Set synchronously on start: the mutation's own pending flag comes a render later.
  const running = useRef(false);

  const { mutate } = useMutation<BulkRunEnd, AppError, RunSession, void>({
    onMutate: (session) => session.begin(),
    mutationFn: (session) => session.run(),
    onSuccess: (end, session) => session.ended(end),
    onError: (error, session) => session.failed(error),
    onSettled: async (_end, _error, session) => {
      running.current = false;
      await session.settle();
    },
  });

  const execute = useCallback(
    /** A paused run's plan, or a fresh selection (its plan is built by the run's code, with its receipt rows). */
    async (planned: RunPlan | { requests: PendingRequest[]; view: RequestView }) => {
      const toSend = "toSend" in planned ? planned.toSend : planned.requests;
      if (running.current || toSend.length === 0) return;
      running.current = true;
      let runSession: Awaited<ReturnType<typeof loadRunSession>>;
      try {
        runSession = await loadRunSession();
      } catch {
        // Offline for a moment: nothing more was sent or shown as cancelled. The receipt keeps what earlier parts of
        // a resumed run got; the rest is not sent, and can be selected again.
        running.current = false;
        const error = "Request Desk could not load what a bulk cancel needs. Nothing more was sent; check your connection and try again.";
        if (!("toSend" in planned)) {
          setRun({ phase: "failed", total: toSend.length, outcomes: [], rows: [], startedAt: new Date().toISOString(), error });
          return;
        }
        const sending = new Set(toSend.map(rowKey));
        const rows = planned.rows.map((row) => (sending.has(rowKey(row)) ? { ...row, outcome: NOT_SENT } : row));
        setRun({ phase: "failed", total: rows.length, outcomes: planned.outcomes, rows, startedAt: planned.startedAt, error });
        return;
      }
      const plan = "toSend" in planned ? planned : runSession.planFor(planned.requests, planned.view);
      const session = await runSession.startRunSession(plan, { queryClient, getToken, accountId, setRun, onRefused });
      if (session) mutate(session);
      else running.current = false;
    },
    [accountId, getToken, mutate, onRefused, queryClient],
  );

  const start = useCallback((requests: PendingRequest[], view: RequestView) => execute({ requests, view }), [execute]);
  /** Carries on a paused run (after a sign-in redirect, or a new sign-in here): same start time, progress and receipt. */
  const resume = useCallback((paused: PausedBulkRun) => execute(planOfPaused(paused)), [execute]);

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
