import { readBearerToken } from "@/lib/api/bearer-token";
import { respond } from "@/lib/api/respond";
import { probeAccess } from "@/lib/graph/probe-access";

export const dynamic = "force-dynamic";

// GET /api/access → { categories: [{ category, views: { mine, all } }] }: what Graph lets this user list.
export function GET(request: Request) {
  return respond(async () => {
    const token = readBearerToken(request);
    return Response.json({ categories: await probeAccess(token) });
  });
}
