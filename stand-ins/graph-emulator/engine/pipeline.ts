// One Graph call, direct or a $batch item, through the same steps: latency → injected fault → expired token (a
// test's) → token (and its tenant) → claims challenge → rate limit → route → permission → handler → lost answer (a
// test's); then the request log. Errors become Graph error bodies for that call alone. `runtime` is the tenant the token names (engine/tenants.ts).

import { runBatch } from "./batch";
import { claimsChallengeError } from "./claims-challenge";
import { lostAnswerError } from "./lost-answers";
import { badRequest, errorResult, GraphError, tooManyRequests } from "./graph-error";
import { requireScope } from "./routing";
import type { EmulatorRuntime } from "./runtime";
import type { EmulatorState } from "./state";
import { requireTenant } from "./tenants";
import { expiredTokenError } from "./token-expiry";
import type { EmulatorConfig, GraphCall, GraphResult } from "./types";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const fullPath = (call: GraphCall) => `/${call.version}${call.rawPath}`;

/** The tenant as the call found it: its state and configuration when the call arrived (a reset replaces both). */
interface TenantSnapshot {
  state: EmulatorState;
  config: EmulatorConfig;
}

/**
 * `sentTo` is given for $batch items: they belong to the tenant their envelope was sent to, even when one waits
 * for another (dependsOn) across a reset.
 */
export async function runGraphCall(runtime: EmulatorRuntime, call: GraphCall, sentTo?: TenantSnapshot): Promise<GraphResult> {
  const isBatch = call.segments.length === 1 && call.segments[0]!.toLowerCase() === "$batch";
  // A reset while the call waits out its latency starts the tenant afresh: the call still finishes against the
  // state it was sent to, and takes nothing from the new one (its faults, challenges, rate limit, log), so a test's
  // reset is never undone by a call left over from the test before (a bulk run whose tab was closed).
  const tenant: TenantSnapshot = sentTo ?? { state: runtime.state, config: runtime.config };
  const outlivedReset = () => runtime.state !== tenant.state;
  let result: GraphResult;
  try {
    // A batch costs one latency: its items pay it in parallel, the envelope does not add another.
    if (!isBatch && tenant.config.latencyMs > 0) await sleep(tenant.config.latencyMs);
    const fault = outlivedReset() ? undefined : runtime.faults.take(call.method, safeDecode(fullPath(call)));
    if (fault) throw fault;
    if (!outlivedReset() && runtime.tokenExpiry.take(call.method, safeDecode(fullPath(call)))) throw expiredTokenError(runtime.issuer);
    if (isBatch) result = await batchEnvelope(runtime, call, tenant);
    else {
      const caller = await runtime.authenticate(call.headers.authorization);
      requireTenant(caller, runtime);
      // CAE: a challenged call is refused before it can touch the tenant (or spend its rate limit).
      const demanded = outlivedReset() ? undefined : runtime.claims.take(call.method, safeDecode(fullPath(call)), caller);
      if (demanded) throw claimsChallengeError(runtime.issuer, demanded);
      const wait = outlivedReset() ? undefined : runtime.throttle.take(caller.oid, runtime.config.throttlePer10s);
      if (wait !== undefined) throw tooManyRequests(wait);
      const { route, params } = runtime.router.resolve(call);
      requireScope(caller, route.scopes);
      result = await route.handle({ call, caller, params, state: tenant.state, config: tenant.config });
      // Done, but the answer is lost on its way back (a gateway timeout): the change stays made.
      const lost = result.status < 300 && !outlivedReset() ? runtime.lostAnswers.take(call.method, safeDecode(fullPath(call))) : undefined;
      if (lost) throw lostAnswerError(lost);
    }
  } catch (error) {
    result = resultFor(error, call);
  }
  if (!outlivedReset()) logCall(runtime, call, result.status);
  return result;
}

async function batchEnvelope(runtime: EmulatorRuntime, call: GraphCall, tenant: TenantSnapshot): Promise<GraphResult> {
  if (call.viaBatch) throw badRequest("Nested $batch requests are not supported.");
  if (call.method !== "POST") throw new GraphError(405, "BadRequest", `The HTTP method '${call.method}' is not allowed for $batch.`, { Allow: "POST" });
  return runBatch(runtime, call, (rt, item) => runGraphCall(rt, item, tenant));
}

/** A call refused before the pipeline could read it (e.g. malformed JSON): answered and logged all the same. */
export function rejectCall(runtime: EmulatorRuntime, call: GraphCall, error: GraphError): GraphResult {
  const result = errorResult(error, call.requestId, call.clientRequestId);
  logCall(runtime, call, result.status);
  return result;
}

export function resultFor(error: unknown, call: GraphCall): GraphResult {
  if (error instanceof GraphError) return errorResult(error, call.requestId, call.clientRequestId);
  console.error("[graph-emulator] unexpected error", error);
  return errorResult(new GraphError(500, "generalException", "An unspecified error has occurred."), call.requestId, call.clientRequestId);
}

function logCall(runtime: EmulatorRuntime, call: GraphCall, status: number): void {
  const path = fullPath(call);
  runtime.log.add({
    tenantId: runtime.tenantId,
    method: call.method,
    path: safeDecode(path),
    query: Object.fromEntries(call.query),
    status,
    viaBatch: call.viaBatch,
    time: new Date().toISOString(),
    requestId: call.requestId,
  });
  runtime.trace?.(`${call.viaBatch ? "  [batch] " : ""}${call.method} ${path}${call.rawQuery ? `?${call.rawQuery}` : ""} → ${status} request-id ${call.requestId}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
