import "server-only";
import { z } from "zod";
import { graphRequest } from "./graph-fetch";
import { buildGraphUrl } from "./graph-url";

const meSchema = z.object({ id: z.string() });

/**
 * The signed-in user's object id, asked of Graph (`/me`) rather than read out of the token: Graph access tokens
 * are opaque to clients by contract, even when they happen to be JWTs.
 */
export async function readCallerId(token: string): Promise<string> {
  const response = await graphRequest(buildGraphUrl({ version: "v1.0", path: "/me", query: { $select: "id" } }), { token });
  return meSchema.parse(response.body).id;
}
