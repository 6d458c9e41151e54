import { BULK_OUTCOMES } from "@/lib/requests/bulk-constants";
import type { BulkOutcomeLine } from "@/lib/requests/bulk-outcome";

/** The "done" line: the server has reported every item of this call. Its counts are the browser's own tally too. */
export const DONE_LINE = { type: "done" } as const;

/**
 * A line of the bulk cancel stream, checked by hand in the browser (the server side and the tests use the zod
 * schema in bulk-outcome.ts): an outcome, the done line, or null for anything else (the start line, a broken line).
 */
export function readStreamLine(line: string): BulkOutcomeLine | typeof DONE_LINE | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const v = value as Partial<BulkOutcomeLine> | { type?: unknown } | null;
  if (v?.type === "done") return DONE_LINE;
  const o = v as Partial<BulkOutcomeLine> | null;
  const valid =
    o?.type === "outcome" &&
    typeof o.category === "string" &&
    typeof o.id === "string" &&
    typeof o.message === "string" &&
    typeof o.at === "string" &&
    (BULK_OUTCOMES as readonly string[]).includes(o.outcome ?? "");
  return valid ? (o as BulkOutcomeLine) : null;
}
