import { AppError } from "@/lib/errors/app-error";

/**
 * At most one bulk cancel per caller at a time: a run can send up to 1,000 Graph and ARM calls, and two runs of the
 * same user would only race each other for the same requests and the same upstream quota.
 */
export class BulkRunLock {
  private readonly running = new Set<string>();

  /** Takes the caller's slot, or refuses with 409 bulk_run_in_progress. Returns the release (safe to call twice). */
  acquire(key: string): () => void {
    if (this.running.has(key)) {
      throw new AppError("bulk_run_in_progress", "A bulk cancel of yours is still running; wait for it to finish (or stop it) before starting another.");
    }
    this.running.add(key);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running.delete(key);
    };
  }

  isRunning(key: string): boolean {
    return this.running.has(key);
  }
}

/**
 * The stream `start` makes, as it is, calling `release` once it ends, fails or its reader goes away (the browser
 * closed the connection), or at once if `start` throws: whichever comes first frees the caller's slot.
 */
export function releaseWhenDone(release: () => void, start: () => ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = start().getReader();
  } catch (error) {
    release();
    throw error;
  }
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}
