// Every class's case makers, and a run of `perClass` cases of each, varied by a seeded random source.

import { bodyCases } from "./bodies";
import { cursorCases } from "./cursors";
import { headerCases } from "./headers";
import { methodCases } from "./methods";
import { pathCases } from "./paths";
import { tokenCases } from "./tokens";
import { type CaseMaker, type HostileCase, type HostileClass, type HostileContext, seededRng } from "./types";

export function caseMakers(ctx: HostileContext): Record<HostileClass, CaseMaker[]> {
  return {
    tokens: tokenCases(ctx),
    paths: pathCases(ctx),
    methods: methodCases(ctx),
    bodies: bodyCases(ctx),
    cursors: cursorCases(ctx),
    headers: headerCases(ctx),
  };
}

/**
 * `perClass` cases of each class, every maker used in turn, so a class smaller than its makers is still covered
 * once `perClass` reaches the number of makers (the test suite's reduced run asks for exactly that).
 */
export function buildCases(ctx: HostileContext, perClass: number | "each-once", seed = 11): HostileCase[] {
  const rng = seededRng(seed);
  return Object.values(caseMakers(ctx)).flatMap((makers) => {
    const count = perClass === "each-once" ? makers.length : perClass;
    return Array.from({ length: count }, (_, i) => makers[i % makers.length]!(rng));
  });
}
