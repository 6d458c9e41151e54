import type { PendingRequest } from "@/lib/requests/pending-request";
import { rowKey } from "./queue-query";

/**
 * A cancel refused as "no longer cancellable" or "not yours to cancel" (Graph or ARM) while the request still reads
 * the same: the row keeps no Cancel
 * (it would only be refused again) and says why, even after the list is fetched again. Graph's status rules can be
 * narrower in a tenant than the category's documented ones (directory-role requests awaiting approval); once the
 * request's status changes, the category's rule applies again.
 */
export interface CancelRefusal {
  status: string;
  reason: string;
}

export type CancelRefusals = ReadonlyMap<string, CancelRefusal>;

export function withRefusal(refusals: CancelRefusals, request: PendingRequest, reason: string): CancelRefusals {
  return new Map(refusals).set(rowKey(request), { status: request.status, reason });
}

export function applyRefusals(items: PendingRequest[], refusals: CancelRefusals): PendingRequest[] {
  if (refusals.size === 0) return items;
  return items.map((item) => {
    const refusal = item.cancellable ? refusals.get(rowKey(item)) : undefined;
    return refusal && refusal.status === item.status ? { ...item, cancellable: false, cancelBlockedReason: refusal.reason } : item;
  });
}
