// Facts about the bulk cancel stream the browser needs, kept apart from its zod schema so the browser bundle
// does not carry zod.
// `claims_challenge`: Graph asked for more proof of identity (Conditional Access) and did nothing; the browser
// re-authenticates and sends the item again, so it is never an item's last word in a receipt.
export const BULK_OUTCOMES = ["cancelled", "already_final", "not_cancellable", "forbidden", "failed", "claims_challenge"] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];

/** Most items one bulk cancel takes; more is a 400 before anything reaches Graph. */
export const BULK_CANCEL_MAX_ITEMS = 1000;

export const BULK_CANCEL_CONTENT_TYPE = "application/x-ndjson; charset=utf-8";
