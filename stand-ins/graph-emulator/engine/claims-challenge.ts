// Conditional Access claims challenges (Continuous Access Evaluation), set by tests with POST
// /_emulator/claims-challenge. Graph challenges only clients that declared the CP1 capability (`xms_cc`): a demand
// stands for a Conditional Access policy that requires an authentication context (`acrs`) the token lacks, so the
// call answers 401 with `error="insufficient_claims"` and the claims the client must ask the identity provider for.
// (learn.microsoft.com: "Continuous access evaluation", "How to use CAE-enabled APIs in your applications",
// "Developer guide to Conditional Access authentication context".)

import { z } from "zod";

import { bearerChallenge } from "./auth";
import { GraphError } from "./graph-error";
import type { Caller } from "./types";

export const claimsDemandSchema = z
  .object({
    /** Entra's authentication context ids are c1 … c99. */
    authContext: z
      .string()
      .regex(/^c[1-9][0-9]?$/i)
      .default("c1"),
    method: z.string().min(1).optional(),
    /** As faults' pathPattern: a regular expression tested against the decoded path, version included. */
    pathPattern: z.string().min(1).optional(),
    /** Matching calls let through before the challenge begins (a challenge mid-way through a bulk run). */
    skip: z.number().int().min(0).default(0),
  })
  .strict();
export type ClaimsDemand = z.infer<typeof claimsDemandSchema>;

/** The exact message Graph sends with a CAE challenge. */
export const CAE_CHALLENGE_MESSAGE = "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: insufficient_claims";

/** The `claims` parameter: standard base64 (padded) of the claims request the client passes back to the identity provider. */
export function claimsParameter(authContext: string): string {
  return Buffer.from(JSON.stringify({ access_token: { acrs: { essential: true, value: authContext } } })).toString("base64");
}

export function claimsChallengeError(issuer: string, authContext: string): GraphError {
  const headers = bearerChallenge(issuer, `, error="insufficient_claims", claims="${claimsParameter(authContext)}"`);
  return new GraphError(401, "InvalidAuthenticationToken", CAE_CHALLENGE_MESSAGE, headers);
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** What a challenge looks at in a verified token; Graph's and ARM's callers both carry it. */
export type ChallengedCaller = Pick<Caller, "capabilities" | "authContexts">;

/** CAE is evaluated only for clients that said they can handle a claims challenge (capability CP1). */
export const declaresCp1 = (caller: ChallengedCaller) => [...caller.capabilities].some((c) => sameText(c, "cp1"));

interface ActiveDemand extends ClaimsDemand {
  regex: RegExp | undefined;
  letThrough: number;
  challenged: number;
}

export class ClaimsChallenges {
  private demands: ActiveDemand[] = [];

  add(demands: readonly ClaimsDemand[]): void {
    // Compile every pattern first, so one bad regex adds none of the demands.
    const compiled = demands.map((d) => ({ ...d, regex: d.pathPattern ? new RegExp(d.pathPattern) : undefined, letThrough: 0, challenged: 0 }));
    this.demands.push(...compiled);
  }

  clear(): void {
    this.demands = [];
  }

  /** Each demand as set, with how many calls it let through (skip) and challenged so far. */
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

  /**
   * The authentication context to challenge this call for, if a demand covers it and the token lacks the context.
   * Demands stay until cleared (a policy does not expire); a token that carries the context passes from then on.
   */
  take(method: string, path: string, caller: ChallengedCaller): string | undefined {
    if (!declaresCp1(caller)) return undefined;
    for (const demand of this.demands) {
      if (demand.method && !sameText(demand.method, method)) continue;
      if (demand.regex && !demand.regex.test(path)) continue;
      if ([...caller.authContexts].some((c) => sameText(c, demand.authContext))) continue;
      if (demand.letThrough < demand.skip) {
        demand.letThrough++;
        continue;
      }
      demand.challenged++;
      return demand.authContext;
    }
    return undefined;
  }
}
