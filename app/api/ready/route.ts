import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { handleApiRequest } from "@/lib/api/respond";
import { AppError } from "@/lib/errors/app-error";
import { currentReadiness } from "@/lib/ops/cached-readiness";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodNotAllowed(["GET"]);

// GET /api/ready → 200 { status: "ready", checks } | 503 { error: { code: "not_ready", message }, checks }
// (/api/health stays the liveness probe: it answers as long as the process does.)
export function GET(request: Request) {
  return handleApiRequest(request, "/api/ready", async () => {
    const { ready, checks } = await currentReadiness();
    if (ready) return Response.json({ status: "ready", checks });
    const failed = checks.filter((c) => !c.ok);
    const message = `Not ready: ${failed.map((c) => `${c.name}: ${c.detail}`).join("; ")}`;
    return Response.json({ ...new AppError("not_ready", message).toBody(), checks }, { status: 503, headers: { "Retry-After": "5" } });
  }, { probe: true });
}
