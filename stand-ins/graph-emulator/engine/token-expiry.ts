// Expired tokens, set by tests with POST /_emulator/token-expiry: the next N matching calls answer as Graph does
// when the access token has expired mid-session (401 InvalidAuthenticationToken, "Lifetime validation failed, the
// token is expired.", a plain Bearer challenge with no claims), so the client must get a new token rather than
// satisfy a claims challenge. Checked before the token is verified, and so before anything can change.

import { z } from "zod";

import { bearerChallenge } from "./auth";
import { GraphError } from "./graph-error";

export const tokenExpirySchema = z
  .object({
    times: z.number().int().min(1).default(1),
    method: z.string().min(1).optional(),
    /**
     * As faults' pathPattern, tested against the decoded path with the version. Without one, any call: the first a
     * bulk run makes is its `$batch` envelope, refused whole as Graph refuses an expired envelope. With one such as
     * "/cancel$", the matching `$batch` items are refused one by one (a token expiring part-way through a run).
     */
    pathPattern: z.string().min(1).optional(),
  })
  .strict();
export type TokenExpiryRule = z.infer<typeof tokenExpirySchema>;

/** Graph's message for an expired token (the same as a really expired one gets from engine/auth). */
export const EXPIRED_TOKEN_MESSAGE = "Lifetime validation failed, the token is expired.";

export function expiredTokenError(issuer: string): GraphError {
  return new GraphError(401, "InvalidAuthenticationToken", EXPIRED_TOKEN_MESSAGE, bearerChallenge(issuer));
}

interface ActiveRule extends TokenExpiryRule {
  regex: RegExp | undefined;
  remaining: number;
}

export class TokenExpiry {
  private rules: ActiveRule[] = [];

  add(rules: readonly TokenExpiryRule[]): void {
    // Compile every pattern first, so one bad regex adds none of the rules.
    const compiled = rules.map((rule) => ({ ...rule, regex: rule.pathPattern ? new RegExp(rule.pathPattern) : undefined, remaining: rule.times }));
    this.rules.push(...compiled);
  }

  clear(): void {
    this.rules = [];
  }

  list() {
    return this.rules.map((rule) => ({
      times: rule.times,
      remaining: rule.remaining,
      ...(rule.method ? { method: rule.method } : {}),
      ...(rule.pathPattern ? { pathPattern: rule.pathPattern } : {}),
    }));
  }

  /** True when this call's token is to be treated as expired; uses up one of the rule's calls. */
  take(method: string, path: string): boolean {
    const rule = this.rules.find((r) => r.remaining > 0 && (!r.method || r.method.toUpperCase() === method.toUpperCase()) && (!r.regex || r.regex.test(path)));
    if (!rule) return false;
    rule.remaining--;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return true;
  }
}
