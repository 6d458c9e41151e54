import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GRAPH_EXAMPLES_DIR } from "@/test-support/graph-examples";

const SHARED = new URL("../../../shared/graph-examples/", import.meta.url);

describe("docs example fixtures", () => {
  it.runIf(existsSync(SHARED))("are an exact copy of the shared graph-examples folder", () => {
    for (const file of readdirSync(SHARED).filter((f) => f !== "README.md")) {
      expect(readFileSync(`${GRAPH_EXAMPLES_DIR}${file}`, "utf8"), file).toBe(readFileSync(new URL(file, SHARED), "utf8"));
    }
  });
});
