// One ARM call through fixed steps: latency → injected fault → token → claims challenge → rate limit →
// api-version → route → handler; then the request log. Errors become CloudError answers for that call alone.

import { wrongTenant } from "./auth";
import { armClaimsChallenge } from "./claims-challenge";
import { ArmError, cloudErrorResult, missingApiVersion, tooManyRequests } from "./cloud-error";
import { requireApiVersion } from "./api-version";
import type { ArmRuntime } from "./runtime";
import type { ArmCall, ArmResult } from "./types";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const isWrite = (method: string) => !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());

/**
 * Calls under a subscription draw on that subscription's limits; the rest (subscription and management group
 * lists, management group and tenant scopes) on the tenant's (contract "Errors, throttling, ids").
 */
function limitLevel(call: ArmCall): { key: string; header: "subscription" | "tenant" } {
  const at = call.segments.findIndex((s) => s.toLowerCase() === "subscriptions");
  const subscription = at >= 0 ? call.segments[at + 1] : undefined;
  return subscription ? { key: `subscription:${subscription.toLowerCase()}`, header: "subscription" } : { key: "tenant", header: "tenant" };
}

export async function runArmCall(runtime: ArmRuntime, call: ArmCall, requestId: string): Promise<ArmResult> {
  // A reset while the call waits out its latency starts afresh: the call finishes against the state it arrived
  // at and takes nothing from the new one (faults, challenges, rate limit, log).
  const state = runtime.state;
  const config = runtime.config;
  const outlivedReset = () => runtime.state !== state;
  const write = isWrite(call.method);
  const limitHeaders: Record<string, string> = {};
  let result: ArmResult;
  try {
    if (config.latencyMs > 0) await sleep(config.latencyMs);
    const fault = outlivedReset() ? undefined : runtime.faults.take(call.method, call.path, write);
    if (fault) throw fault;
    const caller = await runtime.authenticate(call.authorization);
    // CAE: a challenged call is refused before it can touch anything (or spend its rate limit).
    const demanded = outlivedReset() ? undefined : runtime.claims.take(call.method, call.path, caller);
    if (demanded) throw armClaimsChallenge(runtime.issuer, demanded);
    const level = limitLevel(call);
    const operation = write ? "writes" : "reads";
    const outcome = runtime.throttle.take(`${caller.oid}|${level.key}`, operation, config.throttle);
    limitHeaders[`x-ms-ratelimit-remaining-${level.header}-${operation}`] = String(outcome.remaining);
    if (outcome.retryAfterSeconds !== undefined) throw tooManyRequests(outcome.retryAfterSeconds, write ? "Write" : "Read");
    if (!call.query.get("api-version")) throw missingApiVersion();
    const route = runtime.resolve(call.segments);
    if (!route) throw new ArmError(404, "NotFound", `No route matches '${call.path}' in this Azure Resource Manager stand-in.`);
    if (!route.methods.includes(call.method.toUpperCase())) {
      throw new ArmError(405, "MethodNotAllowed", `The requested resource does not support http method '${call.method.toUpperCase()}'.`, {
        Allow: route.methods.join(", "),
      });
    }
    requireApiVersion(call.query, route.apiVersions);
    if (caller.tenantId !== runtime.tenantId) {
      // Another tenant (Fabrikam): the stand-in holds no Azure estate of theirs, so its tenant-wide lists are empty
      // and any Contoso scope refuses the token, as ARM does.
      if (!route.tenantWide) throw wrongTenant(runtime.issuer, runtime.tenantId, caller.tenantId);
      result = { status: 200, body: { value: [] } };
    } else result = route.handle({ call, caller, state, directory: runtime.directory, config, tenantId: runtime.tenantId });
  } catch (error) {
    result = resultFor(error);
  }
  if (!outlivedReset()) logCall(runtime, call, result.status, requestId);
  return { ...result, headers: { ...limitHeaders, ...result.headers } };
}

function resultFor(error: unknown): ArmResult {
  if (error instanceof ArmError) return cloudErrorResult(error);
  console.error("[arm-emulator] unexpected error", error);
  return cloudErrorResult(new ArmError(500, "InternalServerError", "Encountered internal server error."));
}

function logCall(runtime: ArmRuntime, call: ArmCall, status: number, requestId: string): void {
  runtime.log.add({ method: call.method, path: call.path, query: Object.fromEntries(call.query), status, time: new Date().toISOString(), requestId });
  const search = [...call.query].map(([n, v]) => `${n}=${v}`).join("&");
  runtime.trace?.(`${call.method} ${call.path}${search ? `?${search}` : ""} → ${status} x-ms-request-id ${requestId}`);
}
