import "server-only";
import type { GraphCategory } from "@/lib/categories/category-definition";
import type { PendingRequest, RequestView } from "@/lib/requests/pending-request";
import { requestFromReadBack } from "./collection";
import { graphRequest } from "./graph-fetch";
import { buildGraphUrl } from "./graph-url";
import { withPrincipalNames } from "./principal-names";

export interface GraphReadInput {
  category: GraphCategory<unknown>;
  id: string;
  view: RequestView;
  token: string;
}

/**
 * One request as Graph describes it now, with principal names where the category needs them looked up. `known`:
 * the request as the cancel's own answer returned it (PIM v1), which then needs no read. Throws Graph's errors.
 */
export async function readGraphRequest({ category, id, view, token }: GraphReadInput, known?: PendingRequest): Promise<PendingRequest | null> {
  const item = known ?? (await readBack(category, id, view, token));
  if (!item || !category.lookUpPrincipalNames) return item;
  const [named] = await withPrincipalNames([item], token);
  return named ?? item;
}

async function readBack(category: GraphCategory<unknown>, id: string, view: RequestView, token: string): Promise<PendingRequest | null> {
  const call = category.readBack(id, view);
  const response = await graphRequest(buildGraphUrl(call), { token });
  return requestFromReadBack(category, id, call, response.body);
}
