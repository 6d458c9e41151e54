// How long to wait before sending a throttled or failed call again, shared by every door to an upstream (Graph's
// fetch wrapper, its `$batch` sender, ARM's fetch wrapper). Both waits are jittered: many browsers behind one app,
// or the many items of one bulk run, throttled by the same burst would otherwise come back in lock-step and be
// throttled again together (AWS Architecture Blog, "Exponential Backoff And Jitter"; Graph's throttling guidance
// asks clients to honour Retry-After, which is a minimum, not an appointment).
//
// No "server-only": it has no secrets and no Node APIs, and its tests run it with an injected random source.

/** First back-off ceiling and the largest one (contract §8.3: "exponential back-off" when Graph sends no Retry-After). */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 8_000;

/** The extra on top of a Retry-After: up to a fifth of it, but at least 0.1 s and at most 1 s of spread. */
const RETRY_AFTER_SPREAD = 1 / 5;
const MIN_SPREAD_MS = 100;
const MAX_SPREAD_MS = 1_000;

/** A number in [0, 1), as Math.random gives; injected by tests. */
export type RandomSource = () => number;

/** "Full jitter": anywhere between 0 and the exponential ceiling for this attempt (0 for the first retry). */
export function backoffMs(attempt: number, random: RandomSource = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(random() * ceiling);
}

/** Retry-After as given, plus a small random extra, so clients told the same instant do not all return at it. */
export function retryAfterWithJitterMs(retryAfterMs: number, random: RandomSource = Math.random): number {
  const spread = Math.min(MAX_SPREAD_MS, Math.max(MIN_SPREAD_MS, retryAfterMs * RETRY_AFTER_SPREAD));
  return retryAfterMs + Math.round(random() * spread);
}

/**
 * The wait before retry number `attempt + 1`: the upstream's Retry-After (jittered) when it gave one, else the
 * exponential back-off. `limitMs` is what a caller may wait at most; it is judged on the upstream's own figure, so
 * the jitter never turns an acceptable Retry-After into a refusal to wait.
 */
export function retryWait(retryAfterMs: number | undefined, attempt: number, random: RandomSource = Math.random): { waitMs: number; askedMs: number } {
  if (retryAfterMs === undefined) {
    const waitMs = backoffMs(attempt, random);
    return { waitMs, askedMs: waitMs };
  }
  return { waitMs: retryAfterWithJitterMs(retryAfterMs, random), askedMs: retryAfterMs };
}
