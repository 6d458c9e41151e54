import { describe, expect, it } from "vitest";
import { BACKOFF_CAP_MS, backoffMs, retryAfterWithJitterMs, retryWait } from "./backoff";

describe("backoffMs (full jitter)", () => {
  it("spreads each retry between nothing and a ceiling that doubles from 0.5 s", () => {
    expect(backoffMs(0, () => 0)).toBe(0);
    expect(backoffMs(0, () => 0.999)).toBe(500);
    expect(backoffMs(1, () => 0.5)).toBe(500);
    expect(backoffMs(3, () => 0.5)).toBe(2_000);
  });

  it("never waits more than 8 s however many retries came before", () => {
    expect(backoffMs(10, () => 0.99999)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(50, () => 0.5)).toBe(4_000);
  });

  it("gives different waits to calls that failed together", () => {
    const draws = [0.1, 0.7];
    const waits = draws.map((r) => backoffMs(2, () => r));
    expect(new Set(waits).size).toBe(2);
  });
});

describe("retryAfterWithJitterMs", () => {
  it("never comes back before the upstream's Retry-After", () => {
    expect(retryAfterWithJitterMs(2_000, () => 0)).toBe(2_000);
  });

  it("adds up to a fifth of Retry-After, at least 0.1 s and at most 1 s of spread", () => {
    expect(retryAfterWithJitterMs(2_000, () => 0.999)).toBe(2_400);
    expect(retryAfterWithJitterMs(100, () => 0.999)).toBe(200);
    expect(retryAfterWithJitterMs(30_000, () => 0.9999)).toBe(31_000);
  });
});

describe("retryWait", () => {
  it("judges the wait limit on the upstream's own figure, not on the jitter", () => {
    expect(retryWait(5_000, 0, () => 0.9999)).toEqual({ waitMs: 6_000, askedMs: 5_000 });
  });

  it("backs off exponentially when no Retry-After was given", () => {
    expect(retryWait(undefined, 2, () => 0.5)).toEqual({ waitMs: 1_000, askedMs: 1_000 });
  });
});
