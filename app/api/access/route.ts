import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { admitCaller } from "@/lib/api/admit-caller";
import { readOptionalUpstreamToken, readUpstreamToken } from "@/lib/api/upstream-tokens";
import { handleApiRequest } from "@/lib/api/respond";
import { probeAccess } from "@/lib/upstreams/probe-access";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodNotAllowed(["GET"]);

// GET /api/access → { categories: [{ category, views: { mine, all } }], directoryRoles }: what Graph and Azure
// Resource Manager let this user list, and the directory roles Graph says they hold. The ARM token is optional.
export function GET(request: Request) {
  return handleApiRequest(request, "/api/access", async () => {
    admitCaller(request);
    const tokens = { graph: readUpstreamToken(request, "graph"), arm: readOptionalUpstreamToken(request, "arm") };
    return Response.json(await probeAccess(tokens));
  });
}
