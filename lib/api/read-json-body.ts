import "server-only";
import { AppError } from "@/lib/errors/app-error";

/**
 * The largest body any route takes. A 1,000-item bulk cancel is about 100 KB; anything far beyond that is a
 * mistake or an attack, refused before it is held in memory.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** An empty body reads as {}; anything else must be JSON, declared as such, and at most MAX_BODY_BYTES. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > MAX_BODY_BYTES) throw tooLarge();
  const text = await readCapped(request.body, MAX_BODY_BYTES);
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

/** Reads the body as text, giving up as soon as it passes `limit` bytes (a missing Content-Length proves nothing). */
async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB. A bulk cancel takes at most 1,000 requests.`);
}
