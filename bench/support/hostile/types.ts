// The shared vocabulary of the hostile-input run (bench/r1-hostile-input.ts) and its reduced copy in the test suite
// (e2e/api/hostile-input.spec.ts): a case is one raw request of one class, with the secrets it carries.

import type { RawRequest } from "./raw-http";

export const HOSTILE_CLASSES = ["tokens", "paths", "methods", "bodies", "cursors", "headers"] as const;
export type HostileClass = (typeof HOSTILE_CLASSES)[number];

export interface HostileCase {
  class: HostileClass;
  /** What the case tries, in a few words (for the list of answers out of shape). */
  label: string;
  request: RawRequest;
  /** Tokens (or parts of them) the request carries; none may come back in the answer. */
  secrets: string[];
}

/** What the generators need from the running stack. */
export interface HostileContext {
  /** Real access tokens: an administrator's, and a user's who holds no admin role. */
  adminToken: string;
  userToken: string;
  /** Requests that belong to people other than the user above (category slug and the app's id). */
  foreignIds: ReadonlyArray<{ category: string; id: string }>;
  /** Real list cursors the app issued to the administrator, with the category and view they belong to. */
  cursors: ReadonlyArray<{ category: string; view: string; cursor: string }>;
}

/** Makes one case; called again and again with the run's random source, so cases vary in ids and junk. */
export type CaseMaker = (rng: Rng) => HostileCase;

export interface Rng {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  hex(length: number): string;
  guid(): string;
}

/** A seeded random source (mulberry32): the same seed gives the same run. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const hex = (length: number) => Array.from({ length }, () => "0123456789abcdef"[int(16)]).join("");
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    hex,
    guid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
  };
}

export const bearer = (token: string): readonly [string, string] => ["Authorization", `Bearer ${token}`];
export const json = (value: unknown) => JSON.stringify(value);
export const JSON_TYPE: readonly [string, string] = ["Content-Type", "application/json"];
