import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";

const claimsSchema = z.object({ tid: z.string().min(1), oid: z.string().min(1) });

/**
 * Who a cursor was issued to: a hash of the token's tenant and object id (`tid`, `oid`), read WITHOUT verifying the
 * token. That is enough here because the binding only scopes the cursor (another user's cursor is refused, so one
 * cannot be replayed from a log or a shared link by someone else); it grants nothing. Graph and ARM verify the
 * token on every call the cursor leads to, so a token forged to carry someone's `oid` gets no page at all.
 * The whole token is not hashed because MSAL renews it silently about hourly, and a cursor must outlive that while
 * a user pages. A token that is no JWT with both claims (Graph's tokens are opaque by contract, even if today they
 * are JWTs) is bound as a whole instead: still safe, it only expires with the token.
 */
export function cursorCaller(token: string): string {
  const claims = unverifiedClaims(token);
  const material = claims ? `user:${claims.tid.toLowerCase()}/${claims.oid.toLowerCase()}` : `token:${token}`;
  return createHash("sha256").update(material).digest("base64url");
}

function unverifiedClaims(token: string): z.infer<typeof claimsSchema> | undefined {
  const payload = token.split(".")[1];
  if (!payload || token.split(".").length !== 3) return undefined;
  try {
    return claimsSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))).data;
  } catch {
    return undefined;
  }
}
