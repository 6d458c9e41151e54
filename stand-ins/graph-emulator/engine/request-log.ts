// The request log behind GET /_emulator/requests: the tenant that answered, method, path, decoded query options,
// status, whether it came inside a $batch, and when. Never tokens, headers or bodies. One log serves every tenant;
// the control endpoints narrow it with ?tenant=.

export interface LoggedCall {
  /** The tenant (token `tid`) whose state answered; calls without a usable token are the home tenant's. */
  tenantId: string;
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

  /** Every tenant's calls in the order they finished, or one tenant's. */
  list(tenantId?: string): readonly LoggedCall[] {
    return tenantId === undefined ? this.entries : this.entries.filter((e) => e.tenantId === tenantId);
  }

  clear(tenantId?: string): void {
    this.entries = tenantId === undefined ? [] : this.entries.filter((e) => e.tenantId !== tenantId);
  }
}
