// Deterministic building blocks for the seed: ids from names, dates from the reference day, and a seeded PRNG for
// generated extras. Only the reference day reads the clock, and nothing reads Math.random: two runs on one day seed
// identical tenants.

import { createHash } from "node:crypto";

/**
 * The instant the seeded tenant is "as of": 00:00 UTC of the day it is seeded (or GRAPH_SEED_AS_OF). Created dates
 * lie up to ~45 days before it and approved requests start days after it, so on whatever day the demo runs it reads
 * like a live tenant ("3 days ago", "starts in 2 days"), never one whose approved requests "start later" last month.
 * A whole day rather than the clock: ids, dates and paging order stay the same all day long, in every process that
 * seeds (the emulator, and the tests that read its landmarks).
 */
export const SEED_REFERENCE_DATE = seedReferenceDate(process.env.GRAPH_SEED_AS_OF);

function seedReferenceDate(asOf: string | undefined): string {
  if (asOf) {
    const pinned = Date.parse(asOf);
    if (Number.isNaN(pinned)) throw new Error(`GRAPH_SEED_AS_OF must be an ISO date such as 2026-11-20T00:00:00Z, not "${asOf}".`);
    return new Date(pinned).toISOString();
  }
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())).toISOString();
}

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
