import { readBearerToken } from "@/lib/api/bearer-token";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { readJsonBody } from "@/lib/api/read-json-body";
import { respond } from "@/lib/api/respond";
import { categoryFromSlug, parseInput, requestIdSchema } from "@/lib/api/route-input";
import { cancelRequest } from "@/lib/graph/cancel-request";
import { cancelBodySchema } from "./cancel-input";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE, OPTIONS } = methodNotAllowed(["POST"]);

// POST /api/requests/<slug>/<id>/cancel  body: { view?: "mine" | "all" } → { item }
export function POST(request: Request, context: { params: Promise<{ category: string; id: string }> }) {
  return respond(async () => {
    const params = await context.params;
    const category = categoryFromSlug(params.category);
    const id = parseInput(requestIdSchema, params.id, "request id");
    const body = parseInput(cancelBodySchema, await readJsonBody(request), "body");
    const token = readBearerToken(request);
    const item = await cancelRequest({ category, id, view: body.view, token });
    return Response.json({ item });
  });
}
