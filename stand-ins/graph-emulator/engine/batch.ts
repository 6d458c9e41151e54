// JSON batching (contract §8.2): POST /{version}/$batch with up to 20 items. Each item runs through the same
// pipeline as a direct call (token from the envelope, faults, rate limit, routing, permissions) and is logged on
// its own. Items run in parallel unless they use dependsOn; an item whose dependency failed gets 424.

import { z } from "zod";

import { makeCall } from "./call";
import { badRequest, errorResult, GraphError } from "./graph-error";
import type { EmulatorRuntime } from "./runtime";
import type { GraphCall, GraphResult } from "./types";

export const MAX_BATCH_ITEMS = 20;
export const JSON_CONTENT_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

const itemSchema = z.object({
  id: z.string().min(1),
  method: z.string().min(1),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
const envelopeSchema = z.object({ requests: z.array(z.unknown()) });
type BatchItem = z.infer<typeof itemSchema>;

function parseItems(body: unknown): BatchItem[] {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) throw badRequest("Invalid batch payload format: expected {\"requests\":[…]}.");
  const { requests } = envelope.data;
  if (requests.length === 0) throw badRequest("The batch must contain at least one request.");
  if (requests.length > MAX_BATCH_ITEMS) throw badRequest(`The batch contains ${requests.length} requests; the maximum is ${MAX_BATCH_ITEMS}.`);
  const items = requests.map((raw, index) => {
    const item = itemSchema.safeParse(raw);
    if (!item.success) throw badRequest(`Batch request ${index + 1} is invalid: each request needs a string id, a method and a relative url.`);
    return item.data;
  });
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw badRequest(`The batch contains the request id '${item.id}' more than once.`);
    ids.add(item.id);
  }
  checkDependencies(items);
  return items;
}

/** Every dependsOn must name another item, without cycles (they would never finish). */
function checkDependencies(items: readonly BatchItem[]): void {
  const byId = new Map(items.map((item) => [item.id, item]));
  const state = new Map<string, "visiting" | "done">();
  const visit = (item: BatchItem): void => {
    if (state.get(item.id) === "done") return;
    if (state.get(item.id) === "visiting") throw badRequest(`The dependsOn of request '${item.id}' forms a cycle.`);
    state.set(item.id, "visiting");
    for (const dep of item.dependsOn ?? []) {
      const target = byId.get(dep);
      if (!target) throw badRequest(`Request '${item.id}' depends on '${dep}', which is not in the batch.`);
      visit(target);
    }
    state.set(item.id, "done");
  };
  items.forEach(visit);
}

function itemCall(envelope: GraphCall, item: BatchItem): GraphCall | GraphError {
  if (/^[a-z][a-z0-9+.-]*:/i.test(item.url)) return badRequest("Batch request URLs must be relative to the version, e.g. \"/groups\".");
  const [path = "", ...rest] = item.url.split("?");
  const headers: Record<string, string> = { ...item.headers };
  // The envelope's token authorizes every item (§8.2); an item cannot bring its own.
  for (const key of Object.keys(headers)) if (key.toLowerCase() === "authorization") delete headers[key];
  if (envelope.headers.authorization) headers.authorization = envelope.headers.authorization;
  return makeCall({ method: item.method, version: envelope.version, path, rawQuery: rest.join("?"), headers, body: item.body, origin: envelope.origin, viaBatch: true });
}

/** `runItem` is the pipeline itself (passed in to keep the modules free of an import cycle). */
export async function runBatch(
  runtime: EmulatorRuntime,
  envelope: GraphCall,
  runItem: (runtime: EmulatorRuntime, call: GraphCall) => Promise<GraphResult>,
): Promise<GraphResult> {
  const items = parseItems(envelope.body);
  const results = new Map<string, Promise<GraphResult>>();
  const run = (item: BatchItem): Promise<GraphResult> => {
    const existing = results.get(item.id);
    if (existing) return existing;
    const promise = (async () => {
      const deps = await Promise.all((item.dependsOn ?? []).map((id) => run(items.find((i) => i.id === id)!)));
      const call = itemCall(envelope, item);
      if (call instanceof GraphError) return errorResult(call, envelope.requestId, envelope.clientRequestId);
      const failed = deps.findIndex((d) => d.status < 200 || d.status >= 300);
      // A dependent item that never ran is answered 424 and not logged: Graph did not execute it.
      if (failed >= 0) {
        const error = new GraphError(424, "FailedDependency", `Request '${item.id}' depends on '${item.dependsOn![failed]}', which failed.`);
        return errorResult(error, call.requestId, call.clientRequestId);
      }
      return runItem(runtime, call);
    })();
    results.set(item.id, promise);
    return promise;
  };
  const answers = await Promise.all(items.map(run));
  return {
    status: 200,
    body: {
      responses: items.map((item, index) => {
        const answer = answers[index]!;
        const hasBody = answer.body !== undefined;
        return {
          id: item.id,
          status: answer.status,
          headers: { ...(hasBody ? { "Content-Type": JSON_CONTENT_TYPE } : {}), ...answer.headers },
          // §8.2: an item without content (204, or D's empty 200) is shown as "body": null.
          body: hasBody ? answer.body : null,
        };
      }),
    },
  };
}
