// Lost answers, set by tests with POST /_emulator/lost-answers: the next N matching calls (by default cancels) are
// carried out, and then answer 503 or 504 as if the gateway in front of Graph had given up waiting. The client
// cannot tell this from a call that never ran, which is the point: a retry of such a cancel is refused ("not
// cancellable") because the first one worked, and only a read-back tells what really happened.

import { z } from "zod";

import { GraphError } from "./graph-error";

export const lostAnswerSchema = z
  .object({
    times: z.number().int().min(1).default(1),
    status: z.union([z.literal(503), z.literal(504)]).default(504),
    method: z.string().min(1).default("POST"),
    /** As faults' pathPattern: tested against the decoded path with the version. */
    pathPattern: z.string().min(1).default("/cancel$"),
  })
  .strict();
export type LostAnswerRule = z.infer<typeof lostAnswerSchema>;

export function lostAnswerError(status: 503 | 504): GraphError {
  return status === 503
    ? new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.")
    : new GraphError(504, "gatewayTimeout", "The gateway did not receive a timely response.");
}

interface ActiveRule extends LostAnswerRule {
  regex: RegExp;
  remaining: number;
  lost: number;
}

export class LostAnswers {
  private rules: ActiveRule[] = [];

  add(rules: readonly LostAnswerRule[]): void {
    const compiled = rules.map((rule) => ({ ...rule, regex: new RegExp(rule.pathPattern), remaining: rule.times, lost: 0 }));
    this.rules.push(...compiled);
  }

  clear(): void {
    this.rules = [];
  }

  /** Each rule as set, with how many answers it has lost so far (rules used up stay listed until cleared). */
  list() {
    return this.rules.map(({ times, status, method, pathPattern, remaining, lost }) => ({ times, status, method, pathPattern, remaining, lost }));
  }

  /**
   * The status to answer instead, for a call that succeeded and matches a rule with uses left; uses one up. Called
   * only after the call was carried out, so what it did stays done.
   */
  take(method: string, path: string): 503 | 504 | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && r.method.toUpperCase() === method.toUpperCase() && r.regex.test(path));
    if (!rule) return undefined;
    rule.remaining--;
    rule.lost++;
    return rule.status;
  }
}
