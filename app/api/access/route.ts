import { readBearerToken } from "@/lib/api/bearer-token";
import { respond } from "@/lib/api/respond";
import { probeAccess } from "@/lib/graph/probe-access";

export const dynamic = "force-dynamic";

// GET /api/access → { categories: [{ category, views: { mine, all } }], directoryRoles }: what Graph lets this user
// list, and the directory roles it says they hold.
export function GET(request: Request) {
  return respond(async () => {
    const token = readBearerToken(request);
    return Response.json(await probeAccess(token));
  });
}
