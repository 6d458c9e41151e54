// Which authentication contexts (Conditional Access "auth contexts", e.g. c1) each person has satisfied by passing
// the step-up page, which stands in for multi-factor authentication. Entra ties this to the sign-in session; here
// it is per person and in memory, cleared by POST /_idp/reset (and by a restart).

export class StepUpRecords {
  readonly #satisfied = new Map<string, Set<string>>();

  satisfiedBy(oid: string): string[] {
    return [...(this.#satisfied.get(oid) ?? [])].sort();
  }

  /** The requested contexts the person has not satisfied yet. */
  missingFor(oid: string, requested: readonly string[]): string[] {
    const satisfied = this.#satisfied.get(oid);
    return requested.filter((c) => !satisfied?.has(c));
  }

  record(oid: string, contexts: readonly string[]): void {
    const set = this.#satisfied.get(oid) ?? new Set<string>();
    for (const c of contexts) set.add(c);
    this.#satisfied.set(oid, set);
  }

  reset(): void {
    this.#satisfied.clear();
  }
}
