import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { withRequestLog } from "@/lib/ops/logged-api-request";
import { appLogger } from "@/lib/ops/logger";
import { noteErrorCode } from "@/lib/ops/request-log-context";

/** Runs a route handler body and turns any failure into the app's JSON error; never leaks a stack. */
export async function respond(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof AppError) {
      noteErrorCode(error.code);
      return error.toResponse();
    }
    noteErrorCode("internal_error");
    // The message only: a stack may quote arguments. The logger scrubs token-shaped text besides.
    appLogger().error({ kind: "unexpected_failure", reason: error instanceof Error ? error.message : String(error) }, "unexpected failure in an API handler");
    return new AppError("internal_error", "Something went wrong on the Request Desk server.").toResponse();
  }
}

/**
 * An API route's whole answer: the handler body through `respond`, and one log line for the request naming
 * `route` (the pattern, not the path, so ids and queries never reach the log).
 */
export function handleApiRequest(request: Request, route: string, handler: () => Promise<Response>, options: { probe?: boolean } = {}): Promise<Response> {
  return withRequestLog(request, route, () => respond(handler), options);
}
