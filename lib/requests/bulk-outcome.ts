import { z } from "zod";
import { CATEGORY_SLUGS } from "./pending-request";

// The lines of `POST /api/requests/cancel`'s NDJSON stream, shared by the route and the browser: first one
// "start", then one "outcome" per item as soon as it is final (in the order Graph answers, not the order sent),
// then one "done".

import { BULK_OUTCOMES } from "./bulk-constants";

export { BULK_CANCEL_CONTENT_TYPE, BULK_CANCEL_MAX_ITEMS, BULK_OUTCOMES, type BulkOutcome } from "./bulk-constants";



const countSchema = z.number().int().nonnegative();

const startLineSchema = z.object({ type: z.literal("start"), total: countSchema });

const outcomeLineSchema = z.object({
  type: z.literal("outcome"),
  category: z.enum(CATEGORY_SLUGS),
  id: z.string(),
  outcome: z.enum(BULK_OUTCOMES),
  /** The upstream's own error code (e.g. RequestCannotBeCancelled), when Graph or ARM refused. */
  upstreamCode: z.string().optional(),
  /** The upstream's status for the request after the cancel, when known (a cancel that returns the entity, a read-back). */
  upstreamStatus: z.string().optional(),
  /** With `claims_challenge`: the claims Graph asked for, base64 as in its `WWW-Authenticate`. */
  claims: z.string().optional(),
  /** With `token_rejected` (and `claims_challenge`): whose token, so the browser renews that one. */
  upstream: z.enum(["graph", "arm"]).optional(),
  /** The upstream's request id of the answer that decided the outcome (Graph's request-id, ARM's x-ms-request-id). */
  requestId: z.string().optional(),
  /** In the user's words; never only the upstream's code. */
  message: z.string(),
  /** How many times the cancel was sent to Graph (1 unless it was throttled; 0 if it was never sent). */
  attempts: countSchema,
  /** ISO time the outcome became final. */
  at: z.string(),
});

// z.record over an enum requires every key, so a parsed "done" line always has all five counts.
const countsSchema = z.record(z.enum(BULK_OUTCOMES), countSchema);

const doneLineSchema = z.object({
  type: z.literal("done"),
  counts: countsSchema,
  /** HTTP requests the run sent to Graph; every `$batch` counts once. */
  graphRoundTrips: countSchema,
  /** Calls the run sent to Azure Resource Manager (no `$batch` there: one per cancel and per read-back). */
  armCalls: countSchema.default(0),
  /** How many ARM calls were in flight at most. */
  armConcurrency: countSchema.default(0),
  ms: z.number().nonnegative(),
});

export const bulkLineSchema = z.discriminatedUnion("type", [startLineSchema, outcomeLineSchema, doneLineSchema]);

export type BulkStartLine = z.infer<typeof startLineSchema>;
export type BulkOutcomeLine = z.infer<typeof outcomeLineSchema>;
export type BulkDoneLine = z.infer<typeof doneLineSchema>;
export type BulkOutcomeCounts = z.infer<typeof countsSchema>;
export type BulkLine = z.infer<typeof bulkLineSchema>;

export function emptyBulkCounts(): BulkOutcomeCounts {
  return { cancelled: 0, already_final: 0, not_cancellable: 0, forbidden: 0, failed: 0, claims_challenge: 0, token_rejected: 0 };
}
