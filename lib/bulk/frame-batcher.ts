/**
 * Coalesces many changes into one redraw per animation frame. A bulk run of thousands answers far faster than a page
 * can redraw a 10,000-row list for each answer: every outcome asks for a redraw, and the redraw happens once, on the
 * next frame, with everything that arrived since. `flushNow` draws at once (the run ends, pauses or fails).
 * The frame source is injected so the batching can be tested without a browser.
 */
export interface FrameBatcher {
  /** Asks for a redraw on the next frame; asking again before it comes changes nothing. */
  request(): void;
  /** Draws now, dropping the pending frame. */
  flushNow(): void;
  /** Drops a pending frame without drawing (the component went away). */
  cancel(): void;
}

export interface FrameSource {
  request: (callback: () => void) => number;
  cancel: (handle: number) => void;
}

const browserFrames: FrameSource = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export function createFrameBatcher(draw: () => void, frames: FrameSource = browserFrames): FrameBatcher {
  let pending: number | undefined;
  const run = () => {
    pending = undefined;
    draw();
  };
  return {
    request() {
      pending ??= frames.request(run);
    },
    flushNow() {
      if (pending !== undefined) frames.cancel(pending);
      run();
    },
    cancel() {
      if (pending !== undefined) frames.cancel(pending);
      pending = undefined;
    },
  };
}
