export interface TokenBucketOptions {
  /** Requests a key may make at once. */
  burst: number;
  /** Requests per second the allowance refills by. */
  perSecond: number;
  /** Keys remembered at most; past it the least recently seen is forgotten. */
  maxKeys: number;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One token bucket per key (a caller or an address). The map is bounded: a flood of new keys (rotating addresses,
 * made-up tokens) forgets the least recently seen ones instead of growing, and a forgotten key comes back with a
 * full bucket, which only ever errs towards letting a request through.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(private readonly options: TokenBucketOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Spends one token of `key`, or says how many whole seconds until one is back. */
  take(key: string): TakeResult {
    const { burst, perSecond, maxKeys } = this.options;
    const now = this.now();
    const known = this.buckets.get(key);
    const tokens = known ? Math.min(burst, known.tokens + ((now - known.at) / 1000) * perSecond) : burst;
    // Delete and set again: Map keeps insertion order, so the first key is always the least recently seen.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    while (this.buckets.size > maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    return { allowed: true };
  }

  get size(): number {
    return this.buckets.size;
  }
}
