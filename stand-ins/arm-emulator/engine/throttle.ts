// ARM's request limits (contract "Errors, throttling, ids"): token buckets per principal, reads 250 burst refilled at
// 25 per second, writes 200 burst at 10 per second. Subscription-level calls draw from the subscription's bucket,
// tenant-level calls (subscription and management group lists, management group and tenant scopes) from the
// tenant's, which is why ARM reports `x-ms-ratelimit-remaining-subscription-*` or `-tenant-*` per call.

import type { ThrottleSettings } from "./types";

export type Operation = "reads" | "writes";

export interface ThrottleOutcome {
  /** Whole tokens left after this call (0 when refused). */
  remaining: number;
  /** Seconds to wait when refused. */
  retryAfterSeconds?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class ArmThrottle {
  private buckets = new Map<string, Bucket>();

  /** Takes one token from the bucket of (principal, subscription or tenant, operation). */
  take(key: string, operation: Operation, settings: ThrottleSettings, now = Date.now()): ThrottleOutcome {
    const burst = operation === "reads" ? settings.readsBurst : settings.writesBurst;
    const perSecond = operation === "reads" ? settings.readsPerSecond : settings.writesPerSecond;
    const id = `${key}|${operation}`;
    const bucket = this.buckets.get(id) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(id, bucket);
    if (!settings.enabled) return { remaining: Math.floor(bucket.tokens) };
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { remaining: Math.floor(bucket.tokens) };
    }
    const wait = perSecond > 0 ? Math.ceil((1 - bucket.tokens) / perSecond) : 60;
    return { remaining: 0, retryAfterSeconds: Math.max(1, wait) };
  }

  reset(): void {
    this.buckets.clear();
  }
}
