import { BULK_OUTCOMES } from "@/lib/requests/bulk-constants";
import type { BulkOutcomeLine } from "@/lib/requests/bulk-outcome";

/**
 * The outcome lines of the bulk cancel stream, checked by hand in the browser (the server side and the tests use
 * the zod schema in bulk-outcome.ts). Anything else, start and done lines included, reads as null.
 */
export function readOutcomeLine(line: string): BulkOutcomeLine | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const v = value as Partial<BulkOutcomeLine> | null;
  const valid =
    v?.type === "outcome" &&
    typeof v.category === "string" &&
    typeof v.id === "string" &&
    typeof v.message === "string" &&
    typeof v.at === "string" &&
    (BULK_OUTCOMES as readonly string[]).includes(v.outcome ?? "");
  return valid ? (v as BulkOutcomeLine) : null;
}
