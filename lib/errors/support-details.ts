import { AppError } from "./app-error";

/** The support details of any error a query or mutation threw: only the app's own errors carry them. */
export function supportDetails(error: unknown): { requestId?: string; time?: string } {
  return error instanceof AppError ? { requestId: error.requestId, time: error.time } : {};
}
