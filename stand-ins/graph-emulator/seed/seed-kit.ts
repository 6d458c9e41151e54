// Deterministic building blocks for the seed: ids from names, dates from a fixed reference date, and a seeded
// PRNG for generated extras. Nothing here reads the clock or Math.random, so two runs seed identical tenants.

import { createHash } from "node:crypto";

/**
 * The instant the seeded tenant is "as of". Created dates lie up to ~45 days before it; approved-but-not-started
 * requests start after it. Fixed (not Date.now()) so ids, dates and paging order never change between runs.
 */
export const SEED_REFERENCE_DATE = "2026-11-20T09:00:00.000Z";

const REFERENCE_MS = Date.parse(SEED_REFERENCE_DATE);
const HOUR_MS = 3_600_000;

/** A stable UUID (v5-style layout) derived from a name, so a seeded object always has the same id. */
export function uuidFrom(name: string): string {
  const hex = createHash("sha1").update(`request-desk:${name}`).digest("hex");
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** ISO time `days` before the reference date (fractions allowed: 0.5 = twelve hours). */
export function daysAgo(days: number): string {
  return new Date(REFERENCE_MS - days * 24 * HOUR_MS).toISOString();
}

/** ISO time `days` after the reference date. */
export function daysAhead(days: number): string {
  return new Date(REFERENCE_MS + days * 24 * HOUR_MS).toISOString();
}

export function plusHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();
}

/** mulberry32: a tiny seeded PRNG for the generated extras (large tenants). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick() from an empty list");
  return item;
}
