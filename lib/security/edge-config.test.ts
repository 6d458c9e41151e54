import { describe, expect, it } from "vitest";
import { readEdgeConfig } from "./edge-config";

describe("readEdgeConfig", () => {
  it("listens on loopback:3000 with a 32 KiB header limit unless told otherwise", () => {
    expect(readEdgeConfig({})).toEqual({ HOST: "127.0.0.1", PORT: 3000, REQUEST_HEADER_LIMIT_BYTES: 32_768 });
    expect(readEdgeConfig({ HOST: "0.0.0.0", PORT: "3110", REQUEST_HEADER_LIMIT_BYTES: "65536" })).toEqual({ HOST: "0.0.0.0", PORT: 3110, REQUEST_HEADER_LIMIT_BYTES: 65_536 });
  });

  it("refuses a header limit too small for two bearer tokens, naming the variable", () => {
    expect(() => readEdgeConfig({ REQUEST_HEADER_LIMIT_BYTES: "1024" })).toThrow(/REQUEST_HEADER_LIMIT_BYTES/);
  });
});
