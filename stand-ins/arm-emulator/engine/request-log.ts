// The log behind GET /_arm/requests: method, path, query, status, time and request id of each ARM call. Never
// tokens, headers or bodies (a test reads it to count calls, e.g. one cancel per selected request).

export interface ArmLoggedCall {
  method: string;
  /** Decoded path without the query. */
  path: string;
  query: Record<string, string>;
  status: number;
  time: string;
  requestId: string;
}

// A long benchmark must not grow memory without bound; the oldest entries go first.
const MAX_ENTRIES = 20_000;

export class ArmRequestLog {
  private entries: ArmLoggedCall[] = [];

  add(entry: ArmLoggedCall): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): readonly ArmLoggedCall[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
