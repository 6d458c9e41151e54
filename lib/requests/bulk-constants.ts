// Facts about the bulk cancel stream the browser needs, kept apart from its zod schema so the browser bundle
// does not carry zod.
// `claims_challenge`: Graph asked for more proof of identity (Conditional Access) and did nothing; the browser
// re-authenticates and sends the item again, so it is never an item's last word in a receipt.
// `token_rejected`: the upstream refused the token itself (expired or revoked: a 401 that is not a claims challenge).
// It ends the run: the item it answered and every item not sent yet get this line, none of them was touched, and
// they go again, once each, after the user has signed in again (or are "not sent" if the user stops there).
export const BULK_OUTCOMES = ["cancelled", "already_final", "not_cancellable", "forbidden", "failed", "claims_challenge", "token_rejected"] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];

/** Most items one bulk cancel takes; more is a 400 before anything reaches Graph. */
export const BULK_CANCEL_MAX_ITEMS = 1000;

export const BULK_CANCEL_CONTENT_TYPE = "application/x-ndjson; charset=utf-8";
