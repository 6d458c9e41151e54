import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { abuseLimits, type AbuseLimits } from "./abuse-limits";
import { readBodyCapped } from "./read-body-capped";

/**
 * An empty body reads as {}; anything else must be JSON and declared as such. At most `maxBytes` (default
 * API_MAX_BODY_BYTES, the bulk cancel's), streamed under the process's body budget and read timeout. Call it only
 * after admitCaller: the body is the most expensive thing a caller can make the server hold.
 */
export async function readJsonBody(request: Request, maxBytes?: number, limits: AbuseLimits = abuseLimits()): Promise<unknown> {
  const text = await readBodyCapped(request, { maxBytes: maxBytes ?? limits.maxBodyBytes, budget: limits.bodyBudget, timeoutMs: limits.bodyTimeoutMs });
  if (!text.trim()) return {};
  if (!isJson(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the body as JSON, with Content-Type: application/json.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
}

function isJson(contentType: string | null): boolean {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || mediaType.endsWith("+json");
}
