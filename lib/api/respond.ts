import "server-only";
import { AppError } from "@/lib/errors/app-error";

/** Runs a route handler body and turns any failure into the app's JSON error; never leaks a stack. */
export async function respond(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    console.error("[api] unexpected failure", error instanceof Error ? error.message : error);
    return new AppError("internal_error", "Something went wrong on the Request Desk server.").toResponse();
  }
}
