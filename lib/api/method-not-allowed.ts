import "server-only";
import { AppError } from "@/lib/errors/app-error";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Route handlers for the methods a route does not support. Without them Next answers 405 with an empty body, and
 * the API's contract is that every error is JSON `{ error: { code, message } }`. `Allow` names what the route
 * takes (RFC 9110 §15.5.6); OPTIONS is answered too, because Next's own would list these handlers as allowed.
 * HEAD goes to GET. Use: `export const { GET, PUT, PATCH, DELETE, OPTIONS } = methodNotAllowed(["POST"]);`
 */
export function methodNotAllowed(allowed: readonly Method[]) {
  // HEAD is answered wherever GET is (Next runs GET and drops the body), so it is allowed there too.
  const allow = [...allowed.flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m])), "OPTIONS"].join(", ");
  const refuse = (request: Request) => {
    const response = new AppError("method_not_allowed", `${request.method} is not supported here; use ${allowed.join(" or ")}.`).toResponse();
    response.headers.set("Allow", allow);
    return response;
  };
  const options = () => new Response(null, { status: 204, headers: { Allow: allow } });
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse, OPTIONS: options };
}
