import { admitCaller } from "@/lib/api/admit-caller";
import { abuseLimits } from "@/lib/api/abuse-limits";
import { releaseWhenDone } from "@/lib/api/bulk-run-lock";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { readJsonBody } from "@/lib/api/read-json-body";
import { handleApiRequest } from "@/lib/api/respond";
import { parseInput } from "@/lib/api/route-input";
import { upstreamsOf } from "@/lib/upstreams/bulk-cancel";
import { bulkCancelStream } from "@/lib/upstreams/bulk-stream";
import { BULK_CANCEL_CONTENT_TYPE } from "@/lib/requests/bulk-outcome";
import { noteItemCount } from "@/lib/ops/request-log-context";
import { bulkCancelBodySchema } from "./bulk-input";

export const dynamic = "force-dynamic";

// Any other method: a JSON 405 like every other error of the API, not Next's empty one.
export const { GET, PUT, PATCH, DELETE, OPTIONS } = methodNotAllowed(["POST"]);

// POST /api/requests/cancel  body: { items: [{ category, id }…], view?: "mine" | "all" } → 200 NDJSON stream
// (lib/requests/bulk-outcome.ts). No token is a 401 before the body is read; bad input is a JSON 400 and a token
// missing for an API the items live in a 401 (Authorization for Graph, X-ARM-Authorization for ARM), both before
// anything reaches either API.
export function POST(request: Request) {
  return handleApiRequest(request, "/api/requests/cancel", async () => {
    const caller = admitCaller(request);
    const body = parseInput(bulkCancelBodySchema, await readJsonBody(request), "body");
    noteItemCount(body.items.length);
    const tokens = caller.tokensFor(upstreamsOf(body.items));
    // One run per caller at a time (409 bulk_run_in_progress); the slot is free again when the stream ends or the
    // browser goes away.
    const release = abuseLimits().bulkRuns.acquire(caller.key);
    return new Response(releaseWhenDone(release, () => bulkCancelStream({ ...body, tokens })), {
      headers: {
        "Content-Type": BULK_CANCEL_CONTENT_TYPE,
        // Outcomes must reach the browser as they happen: no caching, and no proxy may buffer or compress them.
        "Cache-Control": "no-store, no-transform",
        "X-Accel-Buffering": "no",
      },
    });
  });
}
