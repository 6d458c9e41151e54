import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { readJsonBody } from "@/lib/api/read-json-body";
import { respond } from "@/lib/api/respond";
import { parseInput } from "@/lib/api/route-input";
import { readUpstreamTokens } from "@/lib/api/upstream-tokens";
import { upstreamsOf } from "@/lib/upstreams/bulk-cancel";
import { bulkCancelStream } from "@/lib/upstreams/bulk-stream";
import { BULK_CANCEL_CONTENT_TYPE } from "@/lib/requests/bulk-outcome";
import { bulkCancelBodySchema } from "./bulk-input";

export const dynamic = "force-dynamic";

// Any other method: a JSON 405 like every other error of the API, not Next's empty one.
export const { GET, PUT, PATCH, DELETE, OPTIONS } = methodNotAllowed(["POST"]);

// POST /api/requests/cancel  body: { items: [{ category, id }…], view?: "mine" | "all" } → 200 NDJSON stream
// (lib/requests/bulk-outcome.ts). Bad input is a JSON 400 and a missing token a 401 (one per API the items live
// in: Authorization for Graph, X-ARM-Authorization for ARM), both before anything reaches either API.
export function POST(request: Request) {
  return respond(async () => {
    const body = parseInput(bulkCancelBodySchema, await readJsonBody(request), "body");
    const tokens = readUpstreamTokens(request, upstreamsOf(body.items));
    return new Response(bulkCancelStream({ ...body, tokens }), {
      headers: {
        "Content-Type": BULK_CANCEL_CONTENT_TYPE,
        // Outcomes must reach the browser as they happen: no caching, and no proxy may buffer or compress them.
        "Cache-Control": "no-store, no-transform",
        "X-Accel-Buffering": "no",
      },
    });
  });
}
