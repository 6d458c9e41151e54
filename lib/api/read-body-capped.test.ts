import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { ByteBudget } from "./byte-budget";
import { readBodyCapped } from "./read-body-capped";
import { RetryLaterError } from "./retry-later-error";

const KiB = 1024;

/** A body sent in `chunks` of `size` bytes; `thenHang` leaves it unfinished, as a slow or hostile client would. */
function body(chunks: number, size: number, thenHang = false) {
  let sent = 0;
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      if (sent < chunks) {
        sent++;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      } else if (!thenHang) {
        controller.close();
      } else {
        return new Promise<void>(() => undefined);
      }
    },
  });
  return { stream, pulls: () => pulls };
}

function post(stream: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/x", { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("reading a body with a hard cap", () => {
  it("reads a body within the cap and gives its bytes back to the budget", async () => {
    const budget = new ByteBudget(64 * KiB);
    const text = await readBodyCapped(post(body(4, KiB).stream), { maxBytes: 8 * KiB, budget, timeoutMs: 5_000 });
    expect(text).toHaveLength(4 * KiB);
    expect(budget.inUse).toBe(0);
  });

  it("refuses a body whose Content-Length is over the cap with 413 before reading a byte", async () => {
    const sent = body(100, KiB);
    const error = await refusal(readBodyCapped(post(sent.stream, { "content-length": String(100 * KiB) }), { maxBytes: 8 * KiB, budget: new ByteBudget(1e9), timeoutMs: 5_000 }));
    expect(error).toMatchObject({ code: "payload_too_large", status: 413 });
    expect(error.message).toContain("8 KiB");
    expect(sent.pulls()).toBeLessThanOrEqual(1); // the stream's own first pull; the reader never asked
  });

  it("stops reading as soon as the bytes that really arrive pass the cap", async () => {
    const sent = body(1_000, KiB);
    const budget = new ByteBudget(1e9);
    const error = await refusal(readBodyCapped(post(sent.stream), { maxBytes: 8 * KiB, budget, timeoutMs: 5_000 }));
    expect(error).toMatchObject({ code: "payload_too_large", status: 413 });
    expect(sent.pulls()).toBeLessThan(20);
    expect(budget.inUse).toBe(0);
  });

  it("refuses a body the process has no room for with 503 server_busy and a Retry-After", async () => {
    const budget = new ByteBudget(16 * KiB);
    expect(budget.tryReserve(10 * KiB)).toBe(true); // other bodies in flight
    const declared = await refusal(readBodyCapped(post("x".repeat(8 * KiB), { "content-length": String(8 * KiB) }), { maxBytes: 64 * KiB, budget, timeoutMs: 5_000 }));
    expect(declared).toBeInstanceOf(RetryLaterError);
    expect(declared).toMatchObject({ code: "server_busy", status: 503 });
    const response = declared.toResponse();
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toMatchObject({ error: { code: "server_busy", retryAfterSeconds: 1 } });

    // Without a Content-Length the bytes are counted as they come.
    const undeclared = await refusal(readBodyCapped(post(body(8, KiB).stream), { maxBytes: 64 * KiB, budget, timeoutMs: 5_000 }));
    expect(undeclared.code).toBe("server_busy");
    expect(budget.inUse).toBe(10 * KiB);
  });

  it("gives up on a body that never finishes with 408 request_timeout", async () => {
    const budget = new ByteBudget(1e9);
    const error = await refusal(readBodyCapped(post(body(2, KiB, true).stream), { maxBytes: 64 * KiB, budget, timeoutMs: 50 }));
    expect(error).toMatchObject({ code: "request_timeout", status: 408 });
    expect(budget.inUse).toBe(0);
  });
});
