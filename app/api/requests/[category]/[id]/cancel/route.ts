import { admitCaller } from "@/lib/api/admit-caller";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { readJsonBody } from "@/lib/api/read-json-body";
import { handleApiRequest } from "@/lib/api/respond";
import { categoryFromSlug, parseInput } from "@/lib/api/route-input";
import { noteCategory, noteItemCount } from "@/lib/ops/request-log-context";
import { cancelRequest } from "@/lib/upstreams/cancel-request";
import { CANCEL_BODY_MAX_BYTES, cancelBodySchema } from "./cancel-input";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE, OPTIONS } = methodNotAllowed(["POST"]);

// POST /api/requests/<slug>/<id>/cancel  body: { view?: "mine" | "all" } → { item }
export function POST(request: Request, context: { params: Promise<{ category: string; id: string }> }) {
  return handleApiRequest(request, "/api/requests/[category]/[id]/cancel", async () => {
    const caller = admitCaller(request);
    const params = await context.params;
    const category = categoryFromSlug(params.category);
    noteCategory(category.summary.slug);
    // Each category owns its id encoding (a Graph id, PIM v2's provider_id, ARM's scope and name).
    const id = parseInput(category.idSchema, params.id, "request id");
    const tokens = caller.tokensFor([category.upstream]);
    const body = parseInput(cancelBodySchema, await readJsonBody(request, CANCEL_BODY_MAX_BYTES), "body");
    noteItemCount(1);
    const item = await cancelRequest({ category, id, view: body.view, tokens });
    return Response.json({ item });
  });
}
