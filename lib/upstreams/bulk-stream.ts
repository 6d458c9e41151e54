import "server-only";
import { setMaxListeners } from "node:events";
import type { BulkLine } from "@/lib/requests/bulk-outcome";
import { runCancels, type BulkCancelInput } from "./bulk-cancel";

const RUN_ABORT_LISTENERS = 64;

/**
 * The bulk cancel as an NDJSON byte stream, one line written per outcome as it arrives, so the browser can draw
 * progress while the upstreams are still answering. If the browser goes away (the stream is cancelled), the run stops
 * sending: nobody is left to see the outcomes, and the browser's journal lists what was never confirmed.
 */
export function bulkCancelStream(input: Omit<BulkCancelInput, "signal">): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stop = new AbortController();
  // Every call of a run listens for the browser leaving: ten ARM calls at once, the $batch scheduler and the run's
  // own stop are more than Node's default of ten listeners, which is no leak here.
  setMaxListeners(RUN_ABORT_LISTENERS, stop.signal);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const emit = (line: BulkLine) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      // Not awaited: the response starts as soon as the "start" line is queued.
      void runCancels({ ...input, signal: stop.signal }, emit).finally(() => {
        if (!stop.signal.aborted) controller.close();
      });
    },
    cancel() {
      stop.abort();
    },
  });
}
