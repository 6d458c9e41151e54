import "server-only";
import { z } from "zod";
import { CALLER_PRINCIPAL, type PendingRequest } from "@/lib/requests/pending-request";
import { idSegment } from "@/lib/categories/path-segment";
import { runBatch } from "./batch";

const userSchema = z.object({ id: z.string(), displayName: z.string().nullish() });
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isCaller = (item: PendingRequest) => item.principal.id === CALLER_PRINCIPAL.id;

/**
 * Fills in principal names for requests that carry only a user id, one `$batch` of `/users/{id}` reads per 20
 * distinct people. A name Graph will not give (deleted user, no permission) stays the id: better an id than nothing.
 * A request whose principal is CALLER_PRINCIPAL (Graph said "Self") is the signed-in user's, so `/me` answers for it, in the same `$batch`: it
 * then reads like the caller's own requests in every other category, by name; without an answer it stays "You".
 */
export async function withPrincipalNames(items: PendingRequest[], token: string): Promise<PendingRequest[]> {
  const unresolved = [...new Set(items.filter((i) => i.principal.displayName === i.principal.id && GUID.test(i.principal.id)).map((i) => i.principal.id))];
  const askMe = items.some(isCaller);
  if (unresolved.length === 0 && !askMe) return items;
  const query = { $select: "id,displayName" };
  const results = await runBatch(
    "v1.0",
    [...(askMe ? [{ version: "v1.0" as const, path: "/me", query }] : []), ...unresolved.map((id) => ({ version: "v1.0" as const, path: `/users/${idSegment(id)}`, query }))],
    token,
  ).catch(() => []);
  const names = new Map<string, string>();
  let me: { id: string; displayName: string } | undefined;
  results.forEach((result, index) => {
    const user = userSchema.safeParse(result.body);
    if (result.status !== 200 || !user.success || !user.data.displayName) return;
    if (askMe && index === 0) me = { id: user.data.id, displayName: user.data.displayName };
    else names.set(user.data.id, user.data.displayName);
  });
  return items.map((item) => {
    if (isCaller(item)) return me ? { ...item, principal: { ...me } } : item;
    const name = names.get(item.principal.id);
    return name ? { ...item, principal: { ...item.principal, displayName: name } } : item;
  });
}
