import "server-only";
import type { Logger } from "pino";
import { appLogger } from "./logger";
import { newRequestLogRecord, runWithRequestLog, type RequestLogRecord } from "./request-log-context";
import { requestLogLine } from "./request-log-line";

interface LoggedRequest {
  method: string;
}

/**
 * Runs an API handler with a request log record and writes one JSON line when the answer is complete: at once for
 * ordinary answers, when the stream ends (or the client leaves) for streamed ones such as a bulk run, so that
 * the line counts every upstream call the run made.
 */
export async function withRequestLog(
  request: LoggedRequest,
  route: string,
  handler: () => Promise<Response>,
  { logger = appLogger(), probe = false }: { logger?: Logger; probe?: boolean } = {},
): Promise<Response> {
  const record = newRequestLogRecord();
  const started = performance.now();
  const response = await runWithRequestLog(record, handler);
  const write = (aborted: boolean) => {
    const line = requestLogLine({ method: request.method, route, status: response.status, durationMs: performance.now() - started, aborted, record });
    if (response.status >= 500) logger.error(line, "api request");
    else if (response.status >= 400 && response.status !== 404) logger.warn(line, "api request");
    // A probe answers every few seconds for as long as the instance lives: its successes are noise at info.
    else if (probe) logger.debug(line, "api request");
    else logger.info(line, "api request");
  };
  if (!isStreamed(response) || !response.body) {
    write(false);
    return response;
  }
  return new Response(loggedStream(response.body, record, write), { status: response.status, statusText: response.statusText, headers: response.headers });
}

function isStreamed(response: Response): boolean {
  return (response.headers.get("content-type") ?? "").includes("ndjson");
}

// Reads the handler's stream inside the request's log context, so upstream calls made while the stream is pulled
// are still counted on its line.
function loggedStream(source: ReadableStream<Uint8Array>, record: RequestLogRecord, write: (aborted: boolean) => void): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let written = false;
  const finish = (aborted: boolean) => {
    if (written) return;
    written = true;
    write(aborted);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await runWithRequestLog(record, () => reader.read());
        if (done) {
          finish(false);
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        finish(true);
        controller.error(error);
      }
    },
    async cancel(reason) {
      finish(true);
      await reader.cancel(reason);
    },
  });
}
