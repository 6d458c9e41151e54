import "server-only";
import type { ArmCategory, ArmRequestRef } from "@/lib/categories/category-definition";
import { AppError } from "@/lib/errors/app-error";
import type { BulkOutcome } from "@/lib/requests/bulk-outcome";
import { judgeAfterReadBack, LOST_ANSWER_STATUSES, needsReadBack, type AnswerHistory, type ReportVerdict, type Verdict } from "@/lib/upstreams/verdict";
import { armRequestIdOf, ArmAbortedError, ArmHttpError, ArmUnreachableError } from "./arm-error";
import { armRequest } from "./arm-fetch";
import { armRequestPath } from "./arm-paths";
import { forEachBounded } from "./bounded";
import { readArmRequest } from "./cancel-request";
import { mapArmError } from "./map-arm-error";
import { appLogger } from "@/lib/ops/logger";

/**
 * Cancels in flight at once in one bulk run. ARM has no `$batch`, so every cancel is its own POST, and ARM's write
 * limit per user is a token bucket of 200 in a burst, then 10 a second (contract "Errors, throttling, ids"). Ten
 * at once spends the burst in a few seconds at ARM's usual latency; after that the bucket, not the client, sets
 * the pace (10 a second), so more calls in flight would only collect more 429s, while fewer would leave the
 * burst unused. Each 429 is waited out per call (its Retry-After) and that call alone is sent again.
 */
export const ARM_CANCEL_CONCURRENCY = 10;

/**
 * Retries per cancel in a bulk run. Past the burst, a long run meets ARM's write limit on purpose, and an item
 * should wait its turn rather than fail. Measured with the stand-in's write burst cut to 20 (B6): under sustained
 * throttling the ten calls in flight race for ten tokens a second, and an unlucky cancel needed up to 7 sends; 12
 * doubles that margin. Each wait is still capped by GRAPH_MAX_RETRY_WAIT_MS, so a run never stalls on one item.
 */
export const ARM_BULK_MAX_RETRIES = 12;

export const ARM_CANCELLED_MESSAGE = "Cancelled in Azure Resource Manager.";

export interface ArmBulkItem {
  /** The item's place in the whole run (which may hold Graph items too). */
  index: number;
  category: ArmCategory<unknown>;
  id: string;
}

export interface ArmBulkOptions {
  /** Aborted when the browser goes away: nothing more is sent, and nothing more is reported. */
  signal?: AbortSignal;
  /**
   * Aborted when the run must end (a token was rejected): no more cancels start; those under way finish and are
   * reported. Items never started get no report; the run accounts for them.
   */
  stop?: AbortSignal;
  report: ReportVerdict;
}

/**
 * Cancels every item with its own POST, at most ARM_CANCEL_CONCURRENCY at once, and reports each item's verdict as
 * soon as it is final. A refusal ("not cancellable") is read back to tell a request already closed from one still
 * open but past cancelling. `attempts` is how often the item's cancel was sent: a cancel that succeeded is never
 * sent again. Returns the ARM calls made (cancels, their retries and read-backs). Never throws; every item gets
 * exactly one report unless the run was aborted.
 *
 * Only 429, 503 and 504 are sent again: ARM throttles before the request reaches the resource provider, and a
 * 503/504 says the call did not complete. Should a 504'd cancel have landed after all, its retry is refused and the
 * read-back finds the request Canceled: reported as already closed, which is the state the user asked for.
 * Network failures and timeouts are not retried (arm-fetch), so a cancel is never sent twice blind.
 */
export async function cancelArmItems(
  items: readonly ArmBulkItem[],
  token: string,
  options: ArmBulkOptions,
): Promise<{ calls: number; concurrency: number }> {
  const { signal, stop, report } = options;
  let calls = 0;
  const countCall = () => void calls++;

  const cancelOne = async (item: ArmBulkItem) => {
    let ref: ArmRequestRef;
    try {
      ref = item.category.requestRef(item.id);
    } catch (error) {
      report(item.index, { outcome: "failed", message: error instanceof Error ? error.message : "Invalid Azure role request id." }, 0);
      return;
    }
    let attempts = 0;
    let lostAnswers = 0;
    if (signal?.aborted || stop?.aborted) return;
    try {
      const response = await armRequest(armRequestPath(item.category, ref, "cancel"), {
        token,
        method: "POST",
        signal,
        maxRetries: ARM_BULK_MAX_RETRIES,
        onSend: () => {
          attempts++;
          countCall();
        },
        onAnswer: (status) => {
          if (LOST_ANSWER_STATUSES.has(status)) lostAnswers++;
        },
      });
      report(item.index, { outcome: "cancelled", message: ARM_CANCELLED_MESSAGE, requestId: armRequestIdOf(response.headers) }, attempts);
    } catch (error) {
      if (signal?.aborted || error instanceof ArmAbortedError) return;
      const verdict = judgeCancelError(item.category, error);
      const finalLost = error instanceof ArmHttpError && LOST_ANSWER_STATUSES.has(error.status) ? 1 : 0;
      const history: AnswerHistory = { lostAnswer: lostAnswers - finalLost > 0 };
      const final = needsReadBack(verdict, history) && !stop?.aborted ? await judgeReadBack(item.category, ref, token, verdict, history, signal, countCall) : verdict;
      if (final && !signal?.aborted) report(item.index, final, attempts);
    }
  };

  try {
    await forEachBounded(items, ARM_CANCEL_CONCURRENCY, (item) => cancelOne(item).catch((error: unknown) => unexpected(item, error, report)));
  } catch (error) {
    appLogger().error({ kind: "bulk_run_failure", reason: error instanceof Error ? error.message : String(error) }, "the ARM part of the run stopped unexpectedly");
  }
  return { calls, concurrency: Math.min(ARM_CANCEL_CONCURRENCY, items.length) };
}

/** What ARM's refusal of one cancel means for the user: the same words as a single cancel. */
export function judgeCancelError(category: ArmCategory<unknown>, error: unknown): Verdict {
  let mapped: AppError;
  try {
    mapped = mapArmError(error, { category, operation: "cancel" });
  } catch {
    return { outcome: "failed", message: "Request Desk could not cancel this request in Azure Resource Manager." };
  }
  const ids = {
    ...(mapped.upstreamCode ? { upstreamCode: mapped.upstreamCode } : {}),
    ...(mapped.requestId ? { requestId: mapped.requestId } : {}),
    upstream: "arm" as const,
    error: mapped,
  };
  if (mapped.code === "claims_challenge") return { outcome: "claims_challenge", message: mapped.message, claims: mapped.claims, ...ids };
  // ARM refused the token itself (expired, revoked) and did nothing; a token of another tenant is no such case:
  // signing in again as the same user would not help.
  if (mapped.code === "unauthenticated" && mapped.upstreamCode !== "InvalidAuthenticationTokenTenant") return { outcome: "token_rejected", message: mapped.message, ...ids };
  const outcome: BulkOutcome = mapped.code === "forbidden" ? "forbidden" : mapped.code === "not_cancellable" ? "not_cancellable" : "failed";
  // A final 503/504 or no answer in time says nothing about whether ARM carried the cancel out.
  const inDoubt = (error instanceof ArmHttpError && LOST_ANSWER_STATUSES.has(error.status)) || (error instanceof ArmUnreachableError && error.timedOut);
  return { outcome, message: mapped.message, ...ids, ...(inDoubt ? { inDoubt: true } : {}) };
}

/**
 * After a refusal or an answer that said nothing: what ARM's read-back tells (lib/upstreams/verdict). A read-back
 * that fails leaves the verdict as it was; an aborted one reports nothing (undefined).
 */
async function judgeReadBack(
  category: ArmCategory<unknown>,
  ref: ArmRequestRef,
  token: string,
  first: Verdict,
  history: AnswerHistory,
  signal: AbortSignal | undefined,
  onSend: () => void,
): Promise<Verdict | undefined> {
  let current;
  try {
    current = await readArmRequest(category, ref, token, { signal, onSend });
  } catch (error) {
    return signal?.aborted || error instanceof ArmAbortedError ? undefined : first;
  }
  return judgeAfterReadBack(first, current, history, "Azure Resource Manager");
}

function unexpected(item: ArmBulkItem, error: unknown, report: ReportVerdict) {
  appLogger().error({ kind: "bulk_run_failure", reason: error instanceof Error ? error.message : String(error) }, "an ARM cancel stopped unexpectedly");
  report(item.index, { outcome: "failed", message: "Request Desk could not cancel this request in Azure Resource Manager." }, 0);
}
