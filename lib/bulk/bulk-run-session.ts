"use client";

import type { QueryClient } from "@tanstack/react-query";
import type { Dispatch, SetStateAction } from "react";
import type { GetToken } from "@/lib/auth/token-request";
import { tokenHeaders, tokensFor } from "@/lib/client/api-client";
import { AppError } from "@/lib/errors/app-error";
import { replaceItems, requestKeys, type RequestList } from "@/lib/queries/request-queries";
import { rowKey } from "@/lib/queue/queue-query";
import { upstreamOf, type PendingRequest, type RequestView } from "@/lib/requests/pending-request";
import { openRunJournal, type RunJournal } from "./bulk-journal";
import { runBulkParts, type BulkRunEnd, type Tokens } from "./bulk-run";
import { NOT_SENT, type BulkRun, type RunPlan } from "./bulk-run-state";
import { createFrameBatcher, type FrameBatcher } from "./frame-batcher";
import type { PausedBulkRun } from "./paused-run";
import type { ReceiptRow } from "./receipt";

// The body of a bulk cancel, behind useBulkCancel's mutation. It is its own module, fetched when a run starts (or
// with the dialogs), because a visit that never cancels in bulk should not download it (B1).

/** What a session needs from the hook that runs it. */
export interface RunSessionDeps {
  queryClient: QueryClient;
  getToken: GetToken;
  accountId: string;
  setRun: Dispatch<SetStateAction<BulkRun | null>>;
  onRefused?: (request: PendingRequest, reason: string) => void;
}

/** One run as the mutation carries it: each mutation callback is one of these steps. */
export interface RunSession {
  /** `onMutate`: every row shows as cancelled, the journal is saved, the progress panel appears. */
  begin(): Promise<void>;
  /** `mutationFn`: the parts, sent and read line by line. */
  run(): Promise<BulkRunEnd>;
  /** `onSuccess`: done, paused on a rejected token, or stopped by an error the run reported. */
  ended(end: BulkRunEnd): void;
  /** `onError`: the connection broke. */
  failed(error: unknown): void;
  /** `onSettled`: the lists are read again so the table ends in the upstreams' real state. */
  settle(): Promise<void>;
}

/** The run as a paused one, to carry on after a sign-in (`remaining`: what the upstreams have not done). */
function pausedRunOf(plan: RunPlan, remaining: PendingRequest[]): PausedBulkRun {
  return { view: plan.view, startedAt: plan.startedAt, total: plan.rows.length, rows: plan.rows, outcomes: plan.outcomes, remaining };
}

/**
 * A session for `plan`, with its first tokens: without one nothing is sent, so nothing is shown as cancelled or
 * journaled as in doubt. Null when no token could be had (the progress panel then says so, with every row not sent).
 */
export async function startRunSession(plan: RunPlan, deps: RunSessionDeps): Promise<RunSession | null> {
  const rowsByKey = new Map(plan.rows.map((row) => [rowKey(row), row]));
  let tokens: Tokens;
  try {
    tokens = await tokensFor([...new Set(plan.toSend.map((r) => upstreamOf(r.category)))], deps.getToken);
  } catch (error) {
    for (const request of plan.toSend) {
      const row = rowsByKey.get(rowKey(request));
      if (row) row.outcome = NOT_SENT;
    }
    const message = error instanceof AppError ? error.message : "Request Desk could not get an access token for this run.";
    deps.setRun({ phase: "failed", total: plan.rows.length, outcomes: plan.outcomes, rows: plan.rows, startedAt: plan.startedAt, error: message });
    return null;
  }
  return new Session({ ...plan, outcomes: [...plan.outcomes] }, tokens, rowsByKey, deps);
}

class Session implements RunSession {
  private readonly before: Map<string, PendingRequest>;
  private readonly journal: RunJournal;
  /** Rows to put back in the lists at the next redraw (refused, failed, not sent). */
  private readonly restores = new Map<string, (item: PendingRequest) => PendingRequest>();
  private readonly redraw: FrameBatcher;
  private readonly saveOnLeave = () => this.journal.save();

  constructor(
    private readonly plan: RunPlan,
    private tokens: Tokens | undefined,
    private readonly rowsByKey: Map<string, ReceiptRow>,
    private readonly deps: RunSessionDeps,
  ) {
    this.before = new Map(plan.toSend.map((r) => [rowKey(r), r]));
    this.journal = openRunJournal(deps.accountId, plan.startedAt, plan.rows, plan.outcomes.map(rowKey));
    this.redraw = createFrameBatcher(() => {
      // Rows coming back and progress on screen are written together, at most once a frame.
      if (this.restores.size > 0) this.writeRows(new Map(this.restores));
      this.restores.clear();
      deps.setRun((current) => current && { ...current, outcomes: [...plan.outcomes], rows: [...plan.rows] });
    });
  }

  async begin(): Promise<void> {
    const { queryClient, setRun } = this.deps;
    await Promise.all(this.categories().map((c) => queryClient.cancelQueries({ queryKey: requestKeys.category(c) })));
    this.writeRows(new Map(this.plan.toSend.map((r) => [rowKey(r), (item: PendingRequest) => ({ ...item, stage: "cancelled" as const, isOpen: false, cancellable: false })])));
    this.journal.save();
    window.addEventListener("pagehide", this.saveOnLeave);
    const { rows, outcomes, startedAt } = this.plan;
    setRun({ phase: "running", total: rows.length, outcomes: [...outcomes], rows, startedAt, error: null });
  }

  run(): Promise<BulkRunEnd> {
    const { view } = this.plan;
    const { getToken, setRun } = this.deps;
    return runBulkParts(this.plan.toSend, {
      tokens: async (upstreams) => {
        // The run's first tokens were got before anything showed as cancelled; later parts ask again.
        const tokens = this.tokens ?? (await tokensFor(upstreams, getToken));
        this.tokens = undefined;
        return tokens;
      },
      send: (part, tokens) =>
        fetch("/api/requests/cancel", {
          method: "POST",
          headers: { ...tokenHeaders(tokens), "Content-Type": "application/json", Accept: "application/x-ndjson" },
          body: JSON.stringify({ view, items: part.map((r) => ({ category: r.category, id: r.id })) }),
        }),
      satisfyClaims: async (claims, audience, remaining) => {
        this.redraw.flushNow();
        setRun((current) => current && { ...current, phase: "verifying" });
        // Nothing remaining was done by the upstream, so nothing is in doubt while the user signs in (perhaps elsewhere).
        window.removeEventListener("pagehide", this.saveOnLeave);
        this.journal.clear();
        const token = await getToken({ claims, audience, resume: { kind: "bulk", run: pausedRunOf(this.plan, remaining) } });
        this.journal.save();
        window.addEventListener("pagehide", this.saveOnLeave);
        setRun((current) => current && { ...current, phase: "running" });
        return token;
      },
      onOutcome: (outcome) => {
        const key = rowKey(outcome);
        this.plan.outcomes.push(outcome);
        const row = this.rowsByKey.get(key);
        if (row) Object.assign(row, { outcome: outcome.outcome, upstreamCode: outcome.upstreamCode ?? "", requestId: outcome.requestId ?? "", time: outcome.at });
        this.journal.confirm(key);
        const previous = this.before.get(key);
        if (outcome.outcome !== "cancelled" && previous) {
          // Refused or over already: the row is back, without a Cancel that would be refused again.
          const retryable = outcome.outcome === "failed";
          this.restores.set(key, () => (retryable ? previous : { ...previous, cancellable: false }));
          if (outcome.outcome === "not_cancellable" || outcome.outcome === "forbidden") this.deps.onRefused?.(previous, outcome.message);
        }
        this.redraw.request();
      },
    });
  }

  ended(end: BulkRunEnd): void {
    const { setRun } = this.deps;
    if (end.kind === "done") {
      this.redraw.flushNow();
      this.journal.clear();
      setRun((current) => current && { ...current, phase: "done" });
      return;
    }
    if (end.kind === "token_rejected") {
      // Nothing remaining was touched: the rows are back as they were, and nothing is in doubt while paused.
      for (const request of end.remaining) this.restores.set(rowKey(request), () => this.before.get(rowKey(request)) ?? request);
      this.redraw.flushNow();
      this.journal.clear();
      const paused = pausedRunOf(this.plan, end.remaining);
      setRun((current) => current && { ...current, phase: "paused", paused: { upstream: end.upstream, message: end.message, run: paused } });
      return;
    }
    this.markNotSent(end.notSent);
    this.finishFailed(end.error.message);
  }

  failed(error: unknown): void {
    this.finishFailed(error instanceof AppError ? error.message : "The connection to Request Desk was lost during the run.");
  }

  async settle(): Promise<void> {
    window.removeEventListener("pagehide", this.saveOnLeave);
    await Promise.all(this.categories().map((c) => this.deps.queryClient.invalidateQueries({ queryKey: requestKeys.category(c) })));
  }

  private categories() {
    return [...new Set(this.plan.toSend.map((r) => r.category))];
  }

  /** One cache write per category however many rows change: each write compares the whole list. */
  private writeRows(updates: ReadonlyMap<string, (item: PendingRequest) => PendingRequest>) {
    const touched = new Set([...updates.keys()].flatMap((key) => this.before.get(key)?.category ?? []));
    for (const category of touched) {
      this.deps.queryClient.setQueryData<RequestList>(requestKeys.list(category, this.plan.view), (list) => replaceItems(list, (item) => updates.get(rowKey(item))));
    }
  }

  private markNotSent(requests: readonly PendingRequest[]) {
    for (const request of requests) {
      const key = rowKey(request);
      const row = this.rowsByKey.get(key);
      if (row) row.outcome = NOT_SENT;
      this.journal.confirm(key);
      const previous = this.before.get(key);
      if (previous) this.restores.set(key, () => previous);
    }
  }

  /** A run that stopped with requests in doubt: those keep "not confirmed" in the journal and the receipt. */
  private finishFailed(message: string) {
    const confirmed = new Set(this.journal.value.confirmed);
    if (confirmed.size === this.plan.rows.length) this.journal.clear();
    else this.journal.save();
    for (const [key, previous] of this.before) {
      if (confirmed.has(key) && this.rowsByKey.get(key)?.outcome !== NOT_SENT) continue;
      this.restores.set(key, () => previous);
    }
    this.redraw.flushNow();
    this.deps.setRun((current) => current && { ...current, phase: "failed", error: message });
  }
}

/** A fresh selection's plan: every row "not confirmed" until its outcome arrives. */
export function planFor(requests: PendingRequest[], view: RequestView): RunPlan {
  return { view, startedAt: new Date().toISOString(), rows: requests.map(receiptRowFor), outcomes: [], toSend: requests };
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
