import "server-only";
import { z } from "zod";
import type { PendingRequest } from "@/lib/requests/pending-request";
import { runBatch } from "./batch";

const userSchema = z.object({ id: z.string(), displayName: z.string().nullish() });
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Fills in principal names for requests that carry only a user id, one `$batch` of `/users/{id}` reads per 20
 * distinct people. A name Graph will not give (deleted user, no permission) stays the id: better an id than nothing.
 */
export async function withPrincipalNames(items: PendingRequest[], token: string): Promise<PendingRequest[]> {
  const unresolved = [...new Set(items.filter((i) => i.principal.displayName === i.principal.id && GUID.test(i.principal.id)).map((i) => i.principal.id))];
  if (unresolved.length === 0) return items;
  const results = await runBatch(
    "v1.0",
    unresolved.map((id) => ({ version: "v1.0" as const, path: `/users/${id}`, query: { $select: "id,displayName" } })),
    token,
  ).catch(() => []);
  const names = new Map<string, string>();
  results.forEach((result) => {
    const user = userSchema.safeParse(result.body);
    if (result.status === 200 && user.success && user.data.displayName) names.set(user.data.id, user.data.displayName);
  });
  return items.map((item) => {
    const name = names.get(item.principal.id);
    return name ? { ...item, principal: { ...item.principal, displayName: name } } : item;
  });
}
