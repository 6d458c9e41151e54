import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { BulkRunLock, releaseWhenDone } from "./bulk-run-lock";

function lines(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

describe("bulk run lock", () => {
  it("refuses a second run of the same caller with 409 bulk_run_in_progress, not another caller's", () => {
    const lock = new BulkRunLock();
    const release = lock.acquire("alice");
    let refusal: unknown;
    try {
      lock.acquire("alice");
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "bulk_run_in_progress", status: 409 });
    expect(() => lock.acquire("bob")).not.toThrow();
    release();
    expect(() => lock.acquire("alice")).not.toThrow();
  });

  it("frees the slot when the run's stream has been read to its end, passing every byte through", async () => {
    const lock = new BulkRunLock();
    const stream = releaseWhenDone(lock.acquire("alice"), () => lines("a\n", "b\n"));
    expect(lock.isRunning("alice")).toBe(true);
    expect(await new Response(stream).text()).toBe("a\nb\n");
    expect(lock.isRunning("alice")).toBe(false);
  });

  it("frees the slot when the browser goes away mid-run", async () => {
    const lock = new BulkRunLock();
    const endless = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array([1])) });
    const reader = releaseWhenDone(lock.acquire("alice"), () => endless).getReader();
    await reader.read();
    expect(lock.isRunning("alice")).toBe(true);
    await reader.cancel();
    expect(lock.isRunning("alice")).toBe(false);
  });

  it("frees the slot when the run cannot even start", () => {
    const lock = new BulkRunLock();
    expect(() =>
      releaseWhenDone(lock.acquire("alice"), () => {
        throw new Error("no stream");
      }),
    ).toThrow("no stream");
    expect(lock.isRunning("alice")).toBe(false);
  });
});
