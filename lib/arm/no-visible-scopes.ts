// Apart from list-requests.ts (server-only) so that the end-to-end tests can hold the page to the same words.

/** Why "All requests" has no Azure role requests for a caller who holds no Azure role on any scope. */
export const NO_VISIBLE_SCOPES_MESSAGE =
  "You hold no Azure role on any subscription or management group, so there are no Azure role requests for you to review. Your own requests are under My requests.";
