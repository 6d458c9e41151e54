import { AppError, type Upstream } from "@/lib/errors/app-error";
import { rowKey } from "@/lib/queue/queue-query";
import { BULK_CANCEL_MAX_ITEMS } from "@/lib/requests/bulk-constants";
import type { BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import { upstreamOf, type PendingRequest } from "@/lib/requests/pending-request";
import { ndjsonLines } from "./ndjson-lines";
import { DONE_LINE, readStreamLine } from "./read-stream-line";

/** Re-authentications one run makes for claims challenges before it reports the rest as not sent. */
export const MAX_CHALLENGE_ROUNDS = 2;

export type Tokens = Partial<Record<Upstream, string>>;

/** What the orchestration needs from the page: how to send a part, get tokens, and hear each final outcome. */
export interface BulkRunDeps {
  /** Sends one part to `POST /api/requests/cancel` with these tokens. */
  send: (part: readonly PendingRequest[], tokens: Tokens) => Promise<Response>;
  /** A token of each API in `upstreams` (MSAL answers from its cache). */
  tokens: (upstreams: readonly Upstream[]) => Promise<Tokens>;
  /**
   * A token of `upstream` that satisfies a claims challenge. `remaining` is what is left to send if answering it
   * takes a sign-in redirect (the run then carries on afterwards from there).
   */
  satisfyClaims: (claims: string, upstream: Upstream, remaining: PendingRequest[]) => Promise<string>;
  /** An item's final outcome (never claims_challenge or token_rejected: those go again). */
  onOutcome: (line: BulkOutcomeLine) => void;
}

/** How a run ended. Items in `notSent` were never sent (or refused whole before reaching an upstream): not in doubt. */
export type BulkRunEnd =
  | { kind: "done" }
  /** An upstream rejected the token: nothing more was sent. `remaining` goes, once each, after a new sign-in. */
  | { kind: "token_rejected"; upstream: Upstream; message: string; remaining: PendingRequest[] }
  | { kind: "failed"; error: AppError; notSent: PendingRequest[] };

/**
 * Runs a selection through `POST /api/requests/cancel`, one part of at most 1,000 after the other, as one run:
 * reads each part's NDJSON stream as it arrives and hands every final outcome to `onOutcome`. Items answered with a
 * claims challenge are sent again once a token satisfies it. A rejected token ends the run (`token_rejected`) with
 * the items the upstream did nothing with: the one it refused, those not reached in that part, and the parts never
 * sent; nothing answered is ever in it, so continuing after a sign-in sends no item twice.
 */
export async function runBulkParts(toSend: readonly PendingRequest[], deps: BulkRunDeps): Promise<BulkRunEnd> {
  const queue = partsOf(toSend, BULK_CANCEL_MAX_ITEMS);
  let challengeRounds = 0;
  let tokens: Tokens;
  try {
    tokens = await deps.tokens(upstreamsIn(toSend));
  } catch (error) {
    return failed(error, [...toSend]);
  }
  let partsSent = 0;
  for (let part = queue.shift(); part; part = queue.shift()) {
    try {
      // A token per part: a long, throttled run may outlive the one it started with.
      if (partsSent > 0) tokens = await deps.tokens(upstreamsIn(part));
    } catch (error) {
      return failed(error, [...part, ...queue.flat()]);
    }
    partsSent++;
    const byKey = new Map(part.map((r) => [rowKey(r), r]));
    let response: Response;
    try {
      response = await deps.send(part, tokens);
    } catch {
      // The request may have reached the server: the part is in doubt, the parts after it are not.
      return failed(new AppError("upstream_unavailable", "The connection to Request Desk was lost during the run."), queue.flat());
    }
    if (!response.ok || !response.body) {
      // The app refused the part as a whole (4xx) before anything reached an upstream: none of it is in doubt. A 5xx
      // (a proxy or gateway in front of the app) proves nothing either way.
      const error = AppError.fromResponseBody(response.status, await response.json().catch(() => null));
      const refusedWhole = response.status >= 400 && response.status < 500;
      return { kind: "failed", error, notSent: [...(refusedWhole ? part : []), ...queue.flat()] };
    }

    const answered = new Set<string>();
    const challenged: PendingRequest[] = [];
    const rejected: PendingRequest[] = [];
    let claims = "";
    let claimsUpstream: Upstream = "graph";
    let rejection: { upstream: Upstream; message: string } | undefined;
    let sawDone = false;
    try {
      for await (const text of ndjsonLines(response.body)) {
        const line = readStreamLine(text);
        if (!line) continue;
        if (line.type === DONE_LINE.type) {
          sawDone = true;
          continue;
        }
        const key = rowKey(line);
        const request = byKey.get(key);
        if (!request || answered.has(key)) continue;
        answered.add(key);
        if (line.outcome === "claims_challenge") {
          // The upstream did nothing with it: it goes again after the user has verified their identity.
          challenged.push(request);
          claims = line.claims ?? claims;
          claimsUpstream = line.upstream ?? upstreamOf(line.category);
        } else if (line.outcome === "token_rejected") {
          rejected.push(request);
          rejection ??= { upstream: line.upstream ?? upstreamOf(line.category), message: line.message };
        } else {
          deps.onOutcome(line);
        }
      }
    } catch {
      // The stream broke: the check below says what is in doubt.
    }
    const unanswered = part.filter((r) => !answered.has(rowKey(r)));
    // A stream that stops before its "done" line, with requests it never reported, was cut off: those are in doubt.
    if (!sawDone && unanswered.length > 0) {
      return failed(new AppError("upstream_unavailable", "The run was cut off before every request was confirmed."), [...challenged, ...rejected, ...queue.flat()]);
    }
    if (rejection) return { kind: "token_rejected", ...rejection, remaining: [...rejected, ...challenged, ...queue.flat()] };
    if (challenged.length > 0) {
      if (!claims || ++challengeRounds > MAX_CHALLENGE_ROUNDS) {
        return failed(new AppError("claims_challenge", "Microsoft Graph kept asking you to verify your identity, so the rest of the run was not sent."), [...challenged, ...queue.flat()]);
      }
      try {
        tokens[claimsUpstream] = await deps.satisfyClaims(claims, claimsUpstream, [...challenged, ...queue.flat()]);
      } catch (error) {
        return failed(error, [...challenged, ...queue.flat()]);
      }
      queue.unshift(challenged);
      partsSent = 0;
    }
  }
  return { kind: "done" };
}

function failed(error: unknown, notSent: PendingRequest[]): BulkRunEnd {
  const appError = error instanceof AppError ? error : new AppError("upstream_unavailable", "Request Desk could not get an access token for this run.");
  return { kind: "failed", error: appError, notSent };
}

function upstreamsIn(part: readonly PendingRequest[]): Upstream[] {
  return [...new Set(part.map((r) => upstreamOf(r.category)))];
}

/** The selection in calls the server takes, in order. */
export function partsOf<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let index = 0; index < items.length; index += size) parts.push(items.slice(index, index + size));
  return parts;
}
