import "server-only";
import type { ArmCategory, ArmRequestRef } from "@/lib/categories/category-definition";
import type { PendingRequest } from "@/lib/requests/pending-request";
import { armRequest, type ArmRequestOptions } from "./arm-fetch";
import { armRequestPath } from "./arm-paths";
import { mapArmEntities } from "./collection";

/** One request as ARM describes it now (`GET …/{name}`); null when the answer does not parse. Throws ARM's errors. */
export async function readArmRequest(
  category: ArmCategory<unknown>,
  ref: ArmRequestRef,
  token: string,
  options: Pick<ArmRequestOptions, "signal" | "onSend"> = {},
): Promise<PendingRequest | null> {
  const response = await armRequest(armRequestPath(category, ref), { token, ...options });
  return mapArmEntities(category, [response.body])[0]?.item ?? null;
}
