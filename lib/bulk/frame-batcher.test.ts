import { describe, expect, it } from "vitest";
import { createFrameBatcher, type FrameSource } from "./frame-batcher";

/** A frame source the test advances by hand. */
function manualFrames() {
  const queued = new Map<number, () => void>();
  let next = 1;
  const source: FrameSource = {
    request: (callback) => {
      queued.set(next, callback);
      return next++;
    },
    cancel: (handle) => void queued.delete(handle),
  };
  const tick = () => {
    const callbacks = [...queued.values()];
    queued.clear();
    for (const callback of callbacks) callback();
  };
  return { source, tick, pending: () => queued.size };
}

describe("createFrameBatcher", () => {
  it("draws once per frame however many outcomes arrived in it", () => {
    const frames = manualFrames();
    let draws = 0;
    const batcher = createFrameBatcher(() => draws++, frames.source);
    for (let i = 0; i < 500; i++) batcher.request();
    expect(draws).toBe(0);
    frames.tick();
    expect(draws).toBe(1);
    batcher.request();
    frames.tick();
    expect(draws).toBe(2);
  });

  it("draws at once when the run ends, and not again on the frame it replaced", () => {
    const frames = manualFrames();
    let draws = 0;
    const batcher = createFrameBatcher(() => draws++, frames.source);
    batcher.request();
    batcher.flushNow();
    expect(draws).toBe(1);
    expect(frames.pending()).toBe(0);
    frames.tick();
    expect(draws).toBe(1);
  });

  it("draws nothing after being cancelled", () => {
    const frames = manualFrames();
    let draws = 0;
    const batcher = createFrameBatcher(() => draws++, frames.source);
    batcher.request();
    batcher.cancel();
    frames.tick();
    expect(draws).toBe(0);
  });
});
