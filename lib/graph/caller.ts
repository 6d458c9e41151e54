import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { graphRequest } from "./graph-fetch";
import { buildGraphUrl } from "./graph-url";

const meSchema = z.object({ id: z.string().min(1) });

/**
 * The signed-in user's object id, asked of Graph (`/me`) rather than read out of the token: Graph access tokens
 * are opaque to clients by contract, even when they happen to be JWTs.
 */
export async function readCallerId(token: string): Promise<string> {
  const response = await graphRequest(buildGraphUrl({ version: "v1.0", path: "/me", query: { $select: "id" } }), { token });
  const me = meSchema.safeParse(response.body);
  if (!me.success) throw new AppError("upstream_error", "Microsoft Graph did not say who you are: its answer about your account had no user id. Try again shortly.");
  return me.data.id;
}
