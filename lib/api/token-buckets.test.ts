import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-buckets";

function clock() {
  let ms = 1_000_000;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

describe("token buckets", () => {
  it("lets a burst through, then refuses with the seconds until the next request is allowed", () => {
    const time = clock();
    const buckets = new TokenBuckets({ burst: 3, perSecond: 0.5, maxKeys: 10, now: time.now });
    expect([1, 2, 3].map(() => buckets.take("alice").allowed)).toEqual([true, true, true]);
    expect(buckets.take("alice")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    // Another key has its own allowance.
    expect(buckets.take("bob").allowed).toBe(true);
  });

  it("refills at the configured rate, never beyond the burst", () => {
    const time = clock();
    const buckets = new TokenBuckets({ burst: 2, perSecond: 10, maxKeys: 10, now: time.now });
    buckets.take("alice");
    buckets.take("alice");
    expect(buckets.take("alice").allowed).toBe(false);
    time.advance(100);
    expect(buckets.take("alice").allowed).toBe(true);
    expect(buckets.take("alice").allowed).toBe(false);
    time.advance(60_000);
    expect([1, 2, 3].map(() => buckets.take("alice").allowed)).toEqual([true, true, false]);
  });

  it("remembers at most maxKeys keys, forgetting the least recently seen", () => {
    const time = clock();
    const buckets = new TokenBuckets({ burst: 1, perSecond: 0.001, maxKeys: 2, now: time.now });
    buckets.take("a");
    buckets.take("b");
    expect(buckets.take("a").allowed).toBe(false); // a is now the most recently seen
    buckets.take("c"); // forgets b
    expect(buckets.size).toBe(2);
    expect(buckets.take("a").allowed).toBe(false);
    expect(buckets.take("b").allowed).toBe(true);
  });
});
