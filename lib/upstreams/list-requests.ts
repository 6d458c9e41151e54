import "server-only";
import type { RequestCategory } from "@/lib/categories/category-definition";
import type { Upstream } from "@/lib/errors/app-error";
import type { RequestPage, RequestView } from "@/lib/requests/pending-request";
import { listArmRequestPage } from "@/lib/arm/list-requests";
import { listGraphRequestPage } from "@/lib/graph/list-requests";

export interface ListInput {
  category: RequestCategory<unknown>;
  view: RequestView;
  cursor: string | undefined;
  tokens: Partial<Record<Upstream, string>>;
}

/** One page of a category's requests, from whichever API holds them. */
export function listRequestPage({ category, view, cursor, tokens }: ListInput): Promise<RequestPage> {
  return category.upstream === "graph"
    ? listGraphRequestPage({ category, view, cursor, token: tokens.graph! })
    : listArmRequestPage({ category, view, cursor, token: tokens.arm! });
}
