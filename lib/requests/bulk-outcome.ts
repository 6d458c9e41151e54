import { z } from "zod";
import { CATEGORY_SLUGS } from "./pending-request";

// The lines of `POST /api/requests/cancel`'s NDJSON stream, shared by the route and the browser.

export const BULK_OUTCOMES = ["cancelled", "already_final", "not_cancellable", "forbidden", "failed"] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];

const startLineSchema = z.object({ type: z.literal("start"), total: z.number().int() });

const outcomeLineSchema = z.object({
  type: z.literal("outcome"),
  category: z.enum(CATEGORY_SLUGS),
  id: z.string(),
  outcome: z.enum(BULK_OUTCOMES),
  graphCode: z.string().optional(),
  graphStatus: z.string().optional(),
  message: z.string(),
  attempts: z.number().int(),
  at: z.string(),
});

const doneLineSchema = z.object({
  type: z.literal("done"),
  counts: z.record(z.enum(BULK_OUTCOMES), z.number().int()),
  graphRoundTrips: z.number().int(),
  ms: z.number(),
});

export const bulkLineSchema = z.discriminatedUnion("type", [startLineSchema, outcomeLineSchema, doneLineSchema]);

export type BulkStartLine = z.infer<typeof startLineSchema>;
export type BulkOutcomeLine = z.infer<typeof outcomeLineSchema>;
export type BulkDoneLine = z.infer<typeof doneLineSchema>;
export type BulkLine = z.infer<typeof bulkLineSchema>;
