import "server-only";
import { createHash } from "node:crypto";

/**
 * Who a cursor was issued to: a hash of the caller's whole access token. Access tokens for Graph and ARM are opaque
 * to clients by contract (Microsoft identity platform, "Access tokens": their format may change or be encrypted), so
 * the app never reads a user out of one; the token itself is the one thing about the caller it holds.
 * The binding only scopes the cursor (another caller's cursor is refused, so one cannot be replayed from a log or a
 * shared link); it grants nothing, as Graph and ARM verify the token on every call the cursor leads to.
 * Cost: a token renewed while a list is being paged (MSAL renews about hourly; a list pages in seconds) makes the
 * remaining cursor `invalid_cursor`, and the browser reads that list again from its first page, once.
 */
export function cursorCaller(token: string): string {
  return createHash("sha256").update(`token:${token}`).digest("base64url");
}
