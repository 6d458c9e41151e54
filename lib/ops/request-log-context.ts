import { AsyncLocalStorage } from "node:async_hooks";
import type { Upstream } from "@/lib/errors/app-error";

/** One call to Graph or ARM made while serving an API request. */
export interface UpstreamCallRecord {
  upstream: Upstream;
  method: string;
  status: number | "unreachable";
  durationMs: number;
  /** The upstream's id of its answer (Graph `request-id`, ARM `x-ms-request-id`): what Microsoft support asks for. */
  requestId?: string;
  /** An item of a Graph `$batch`: counted apart from the HTTP calls, its time is the envelope's. */
  inBatch?: true;
  /** The id this app sent (`client-request-id` / `x-ms-client-request-id`). */
  clientRequestId?: string;
}

/** What the one log line of an API request says besides method, route, status and duration. */
export interface RequestLogRecord {
  category?: string;
  itemCount?: number;
  /** The app's own error code when the answer is an error. */
  errorCode?: string;
  upstreamCalls: UpstreamCallRecord[];
}

// Per-request state without threading a logger through every function: lib/graph and lib/arm report their calls
// here, the route wrapper writes them out once.
const storage = new AsyncLocalStorage<RequestLogRecord>();

export function newRequestLogRecord(): RequestLogRecord {
  return { upstreamCalls: [] };
}

export function runWithRequestLog<T>(record: RequestLogRecord, work: () => T): T {
  return storage.run(record, work);
}

export function recordUpstreamCall(call: UpstreamCallRecord): void {
  storage.getStore()?.upstreamCalls.push(call);
}

export function noteCategory(slug: string): void {
  const record = storage.getStore();
  if (record) record.category = slug;
}

export function noteItemCount(count: number): void {
  const record = storage.getStore();
  if (record) record.itemCount = count;
}

export function noteErrorCode(code: string): void {
  const record = storage.getStore();
  if (record) record.errorCode = code;
}
