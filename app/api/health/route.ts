import { methodNotAllowed } from "@/lib/api/method-not-allowed";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodNotAllowed(["GET"]);

export function GET() {
  return Response.json({ status: "ok" });
}
