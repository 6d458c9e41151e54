import "server-only";
import type { ArmCategory, ArmRequestRef } from "@/lib/categories/category-definition";
import type { PendingRequest, RequestView } from "@/lib/requests/pending-request";
import { armRequest, type ArmRequestOptions } from "./arm-fetch";
import { armRequestPath } from "./arm-paths";
import { mapArmEntities } from "./collection";
import { mapArmError } from "./map-arm-error";

export interface ArmCancelInput {
  category: ArmCategory<unknown>;
  id: string;
  view: RequestView;
  token: string;
}

/**
 * Cancels one request and returns it as ARM now describes it. The app id is turned back into a scope and name first
 * (a bad id is the app's 400, and nothing is sent); ARM's cancel answers 200 with an empty body (the spec's Cancel
 * example), so the request is read back. Returns null when the cancel succeeded but the read-back did not: a failed
 * read does not undo the cancel. A refusal (not cancellable, forbidden, …) is thrown as the app's error.
 */
export async function cancelArmRequest({ category, id, view, token }: ArmCancelInput): Promise<PendingRequest | null> {
  const ref = category.requestRef(id);
  try {
    await armRequest(armRequestPath(category, ref, "cancel"), { token, method: "POST" });
  } catch (error) {
    throw mapArmError(error, { category, operation: "cancel", view });
  }
  return readArmRequest(category, ref, token).catch(() => null);
}

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
