import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import type { NextRequest } from "next/server";
import { admitCaller } from "@/lib/api/admit-caller";
import { handleApiRequest } from "@/lib/api/respond";
import { categoryFromSlug, parseInput } from "@/lib/api/route-input";
import { listRequestPage } from "@/lib/upstreams/list-requests";
import { noteCategory, noteItemCount } from "@/lib/ops/request-log-context";
import { listQuerySchema } from "./list-query";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodNotAllowed(["GET"]);

// GET /api/requests?category=<slug>&view=mine|all[&cursor=…] → { items, nextCursor }
export function GET(request: NextRequest) {
  return handleApiRequest(request, "/api/requests", async () => {
    const caller = admitCaller(request);
    const params = request.nextUrl.searchParams;
    const category = categoryFromSlug(params.get("category"));
    noteCategory(category.summary.slug);
    const query = parseInput(listQuerySchema, Object.fromEntries(params), "query");
    const tokens = caller.tokensFor([category.upstream]);
    const page = await listRequestPage({ category, view: query.view, cursor: query.cursor, tokens });
    noteItemCount(page.items.length);
    return Response.json(page);
  });
}
