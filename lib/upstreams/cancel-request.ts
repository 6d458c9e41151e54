import "server-only";
import type { RequestCategory } from "@/lib/categories/category-definition";
import type { Upstream } from "@/lib/errors/app-error";
import type { PendingRequest, RequestView } from "@/lib/requests/pending-request";
import { cancelArmRequest } from "@/lib/arm/cancel-request";
import { cancelGraphRequest } from "@/lib/graph/cancel-request";

export interface CancelInput {
  category: RequestCategory<unknown>;
  id: string;
  view: RequestView;
  tokens: Partial<Record<Upstream, string>>;
}

/** Cancels one request where it lives and returns it as that API now describes it (null if it could not be read back). */
export function cancelRequest({ category, id, view, tokens }: CancelInput): Promise<PendingRequest | null> {
  return category.upstream === "graph"
    ? cancelGraphRequest({ category, id, view, token: tokens.graph! })
    : cancelArmRequest({ category, id, view, token: tokens.arm! });
}
