import "server-only";
import type { GraphCategory } from "@/lib/categories/category-definition";
import type { PendingRequest, RequestView } from "@/lib/requests/pending-request";
import { requestFromCancelAnswer, requestFromReadBack } from "./collection";
import { graphRequest } from "./graph-fetch";
import { buildGraphUrl } from "./graph-url";
import { mapGraphError } from "./map-graph-error";
import { withPrincipalNames } from "./principal-names";

export interface GraphCancelInput {
  category: GraphCategory<unknown>;
  id: string;
  view: RequestView;
  token: string;
}

/**
 * Cancels one request and returns it as Graph now describes it. Most cancels answer 204 (or D's 200 with no
 * body), so the request is read back; a category whose cancel returns the entity (PIM v1) is mapped directly.
 * Returns null when the cancel succeeded but the read-back did not: the cancel is not undone by a failed read.
 */
export async function cancelGraphRequest(input: GraphCancelInput): Promise<PendingRequest | null> {
  const { category, id, view, token } = input;
  const call = category.cancel(id, view);
  let response;
  try {
    response = await graphRequest(buildGraphUrl(call), { token, method: "POST", body: call.body });
  } catch (error) {
    throw mapGraphError(error, { category, operation: "cancel", view });
  }
  const item = requestFromCancelAnswer(category, id, response.body) ?? (await readBack(input).catch(() => null));
  if (!item || !category.lookUpPrincipalNames) return item;
  const [named] = await withPrincipalNames([item], token);
  return named ?? item;
}

async function readBack({ category, id, view, token }: GraphCancelInput): Promise<PendingRequest | null> {
  const call = category.readBack(id, view);
  const response = await graphRequest(buildGraphUrl(call), { token });
  return requestFromReadBack(category, id, call, response.body);
}
