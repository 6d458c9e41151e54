import { AppError } from "@/lib/errors/app-error";
import type { ByteBudget } from "./byte-budget";
import { RetryLaterError } from "./retry-later-error";

export interface BodyLimits {
  /** The largest body this route takes. */
  maxBytes: number;
  /** Bytes held by all bodies in flight in this process. */
  budget: ByteBudget;
  /** How long the whole body may take to arrive. */
  timeoutMs: number;
}

/**
 * Reads a body as text, holding at most `maxBytes` of it: refused at once when Content-Length says more (413),
 * as soon as the bytes that really arrive pass it (a Content-Length proves nothing), when the process's body budget
 * is spent (503), or when the body takes longer than `timeoutMs` (408). Bytes are reserved from the budget by the
 * declared length up front, or chunk by chunk when there is none, and always given back.
 */
export async function readBodyCapped(request: Request, limits: BodyLimits): Promise<string> {
  const declared = declaredLength(request);
  if (declared !== undefined && declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
  if (!request.body) return "";
  let reserved = 0;
  const reserve = (bytes: number) => {
    if (!limits.budget.tryReserve(bytes)) throw busy();
    reserved += bytes;
  };
  if (declared !== undefined) reserve(declared);

  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError("request_timeout", `The request body did not arrive within ${limits.timeoutMs / 1000} s.`)), limits.timeoutMs);
  });
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = "";
  try {
    for (;;) {
      const { value, done } = await Promise.race([reader.read(), timedOut]);
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      if (bytes > limits.maxBytes) throw tooLarge(limits.maxBytes);
      if (bytes > reserved) reserve(bytes - reserved);
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    // Stop pulling: the rest of the body is the server's to discard, never to hold.
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
    limits.budget.release(reserved);
  }
}

function declaredLength(request: Request): number | undefined {
  const header = request.headers.get("content-length");
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header);
}

function tooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 1024 ? `${Math.round((maxBytes / 1024) * 10) / 10} KiB` : `${maxBytes} bytes`;
  return new AppError("payload_too_large", `The request body is larger than ${size}, the most this endpoint takes. A bulk cancel takes at most 1,000 requests.`);
}

function busy(): RetryLaterError {
  return new RetryLaterError("server_busy", "The server is receiving too many request bodies at once; send this one again shortly.", 1);
}
