import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const GRAPH_EXAMPLES_DIR = fileURLToPath(new URL("../test-fixtures/graph-examples/", import.meta.url));

/** The `value` array (or the single entity) of a docs example body. */
export function exampleEntities(file: string): unknown[] {
  const body = JSON.parse(readFileSync(`${GRAPH_EXAMPLES_DIR}${file}`, "utf8")) as { value?: unknown };
  return Array.isArray(body.value) ? body.value : [body];
}
