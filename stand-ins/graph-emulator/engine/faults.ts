// Test-controlled faults (POST /_emulator/faults) and a real per-caller rate limiter. Both answer with Graph's
// own shapes: 429 + Retry-After + the TooManyRequests body of contract §8.3; 503 + Retry-After.

import { z } from "zod";

import { GraphError, tooManyRequests } from "./graph-error";

export const faultRuleSchema = z.object({
  method: z.string().min(1).optional(),
  /** A regular expression tested against the path, version included: "/cancel$", "^/v1.0/groups". */
  pathPattern: z.string().min(1),
  status: z.number().int().min(400).max(599),
  times: z.number().int().min(1).default(1),
  retryAfterSeconds: z.number().min(0).optional(),
  code: z.string().min(1).optional(),
  message: z.string().min(1).optional(),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

const DEFAULTS: Readonly<Record<number, { code: string; message: string }>> = {
  400: { code: "BadRequest", message: "Bad request. Please fix the request before retrying." },
  401: { code: "InvalidAuthenticationToken", message: "Access token validation failure." },
  403: { code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." },
  404: { code: "itemNotFound", message: "The resource was not found." },
  409: { code: "conflict", message: "The request conflicts with the current state of the resource." },
  500: { code: "generalException", message: "An unspecified error has occurred." },
  503: { code: "serviceNotAvailable", message: "The service is temporarily unavailable. Please retry later." },
  504: { code: "gatewayTimeout", message: "The gateway did not receive a timely response." },
};

interface ActiveRule extends FaultRule {
  regex: RegExp;
  remaining: number;
}

/** The fault rules a test set, shared by the Graph and ARM emulators; each answers a rule in its own error shape. */
export class FaultRules {
  private rules: ActiveRule[] = [];

  add(rules: readonly FaultRule[]): void {
    // Compile every pattern first, so one bad regex adds none of the rules.
    const compiled = rules.map((rule) => ({ ...rule, regex: new RegExp(rule.pathPattern), remaining: rule.times }));
    this.rules.push(...compiled);
  }

  clear(): void {
    this.rules = [];
  }

  list(): Array<FaultRule & { remaining: number }> {
    return this.rules.map((rule) => ({
      ...(rule.method ? { method: rule.method } : {}),
      pathPattern: rule.pathPattern,
      status: rule.status,
      times: rule.times,
      remaining: rule.remaining,
      ...(rule.retryAfterSeconds !== undefined ? { retryAfterSeconds: rule.retryAfterSeconds } : {}),
      ...(rule.code ? { code: rule.code } : {}),
      ...(rule.message ? { message: rule.message } : {}),
    }));
  }

  /** The rule for this call, if one with uses left matches; consumes one use. */
  protected takeRule(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find(
      (r) => r.remaining > 0 && (!r.method || r.method.toUpperCase() === method.toUpperCase()) && r.regex.test(path),
    );
    if (!rule) return undefined;
    rule.remaining--;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule;
  }
}

/** Retry-After for an injected fault: as the rule says, else 1 s for the statuses that invite a retry (429, 503). */
export function faultRetryAfter(rule: FaultRule): number | undefined {
  return rule.retryAfterSeconds ?? (rule.status === 429 || rule.status === 503 ? 1 : undefined);
}

export class FaultInjector extends FaultRules {
  /** The fault for this call, if a rule with uses left matches; consumes one use. */
  take(method: string, path: string): GraphError | undefined {
    const rule = this.takeRule(method, path);
    if (!rule) return undefined;
    const retryAfter = faultRetryAfter(rule);
    if (rule.status === 429 && !rule.code && !rule.message) return tooManyRequests(retryAfter ?? 1);
    const fallback = DEFAULTS[rule.status] ?? { code: "generalException", message: `Injected fault (HTTP ${rule.status}).` };
    return new GraphError(
      rule.status,
      rule.code ?? fallback.code,
      rule.message ?? fallback.message,
      retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : {},
    );
  }
}

/**
 * A token bucket per caller: `perTenSeconds` requests, refilled continuously. Real Graph's identity limits are
 * per app + tenant in resource units (§8.3); one unit per request per user is close enough to exercise Retry-After.
 */
export class Throttle {
  private buckets = new Map<string, { tokens: number; at: number }>();

  /** Undefined when the call may proceed, else the seconds to wait. */
  take(key: string, perTenSeconds: number, now = Date.now()): number | undefined {
    if (perTenSeconds <= 0) return undefined;
    const ratePerMs = perTenSeconds / 10_000;
    const bucket = this.buckets.get(key) ?? { tokens: perTenSeconds, at: now };
    bucket.tokens = Math.min(perTenSeconds, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
  }

  reset(): void {
    this.buckets.clear();
  }
}
