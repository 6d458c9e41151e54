import { describe, expect, it } from "vitest";
import { ndjsonLines } from "./ndjson-lines";

function streamOf(chunks: Array<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of ndjsonLines(stream)) lines.push(line);
  return lines;
}

describe("ndjsonLines", () => {
  it("joins lines split across chunks and skips blank ones", async () => {
    expect(await collect(streamOf(['{"a":', '1}\n\n{"b":2}\n{"c"', ":3}\n"]))).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it("keeps a character split between chunks whole", async () => {
    const bytes = new TextEncoder().encode('{"name":"Zoë"}\n');
    const cut = bytes.indexOf(0xc3) + 1;
    expect(await collect(streamOf([bytes.slice(0, cut), bytes.slice(cut)]))).toEqual(['{"name":"Zoë"}']);
  });

  it("yields a last line that lost its newline, for the reader to judge", async () => {
    expect(await collect(streamOf(['{"a":1}\n{"b":']))).toEqual(['{"a":1}', '{"b":']);
  });
});
