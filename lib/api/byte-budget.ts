/**
 * Bytes of request bodies this process holds at once, all callers together. Each body reserves what it declares
 * (Content-Length) or what arrives, chunk by chunk, and gives it back when it has been parsed or refused, so a
 * crowd of large bodies is refused with a 503 instead of filling the heap.
 */
export class ByteBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Reserves `bytes` if they fit; false (and nothing reserved) if they do not. */
  tryReserve(bytes: number): boolean {
    if (bytes < 0 || this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  get inUse(): number {
    return this.used;
  }
}
