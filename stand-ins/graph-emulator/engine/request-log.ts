// The request log behind GET /_emulator/requests: method, path, decoded query options, status, whether it came
// inside a $batch, and when. Never tokens, headers or bodies.

export interface LoggedCall {
  method: string;
  /** Version included: "/v1.0/groups", "/beta/$batch". */
  path: string;
  query: Record<string, string>;
  status: number;
  viaBatch: boolean;
  time: string;
  requestId: string;
}

const MAX_ENTRIES = 20_000;

export class RequestLog {
  private entries: LoggedCall[] = [];

  add(entry: LoggedCall): void {
    this.entries.push(entry);
    // A long benchmark must not grow memory without bound; the oldest entries go first.
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): readonly LoggedCall[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
