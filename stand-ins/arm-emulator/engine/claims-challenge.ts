// Continuous Access Evaluation claims challenges (contract "Errors": ARM issues them like Graph), switched on by
// tests with POST /_arm/claims-challenge. The demand's shape and the `claims` parameter are the Graph emulator's
// (imported, so the two stand-ins challenge alike); only the 401 differs: ARM's WWW-Authenticate form
// (engine/auth.ts). As with Graph, only clients that declared CP1 (`xms_cc`) are challenged, and a token whose
// `acrs` already holds the demanded context passes.

import { claimsDemandSchema, claimsParameter, type ClaimsDemand } from "../../graph-emulator/engine/claims-challenge";
import { armChallenge } from "./auth";
import { ArmError } from "./cloud-error";
import type { ArmCaller } from "./types";

export { claimsDemandSchema };

const CAE_MESSAGE = "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: insufficient_claims";

export function armClaimsChallenge(issuer: string, authContext: string): ArmError {
  const extra = `, claims="${claimsParameter(authContext)}"`;
  return new ArmError(401, "InvalidAuthenticationToken", CAE_MESSAGE, armChallenge(issuer, "insufficient_claims", CAE_MESSAGE, extra));
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

interface Demand extends ClaimsDemand {
  pattern: RegExp | undefined;
  letThrough: number;
  challenged: number;
}

export class ArmClaimsChallenges {
  private demands: Demand[] = [];

  add(demands: readonly ClaimsDemand[]): void {
    // All patterns compile before any is kept: one bad regex adds nothing.
    const compiled = demands.map((d) => ({ ...d, pattern: d.pathPattern ? new RegExp(d.pathPattern) : undefined, letThrough: 0, challenged: 0 }));
    this.demands.push(...compiled);
  }

  clear(): void {
    this.demands = [];
  }

  list() {
    return this.demands.map((d) => ({
      authContext: d.authContext,
      ...(d.method ? { method: d.method } : {}),
      ...(d.pathPattern ? { pathPattern: d.pathPattern } : {}),
      skip: d.skip,
      letThrough: d.letThrough,
      challenged: d.challenged,
    }));
  }

  /** The authentication context to challenge for, if a demand covers this call and the token lacks it. */
  take(method: string, path: string, caller: ArmCaller): string | undefined {
    if (![...caller.capabilities].some((c) => same(c, "cp1"))) return undefined;
    for (const d of this.demands) {
      if (d.method && !same(d.method, method)) continue;
      if (d.pattern && !d.pattern.test(path)) continue;
      if ([...caller.authContexts].some((c) => same(c, d.authContext))) continue;
      // A demand lets its first `skip` matching calls through (a challenge beginning mid-way through a bulk run).
      if (d.letThrough < d.skip) {
        d.letThrough++;
        continue;
      }
      d.challenged++;
      return d.authContext;
    }
    return undefined;
  }
}
