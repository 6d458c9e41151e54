import { z } from "zod";
import type { PendingRequest } from "@/lib/requests/pending-request";
import type { GraphCall, ListPlan } from "./category-definition";
import {
  directoryObjectSchema,
  identitySetSchema,
  odataString,
  personFromIdentitySet,
  requestScheduleSchema,
  scheduleFrom,
  ticketFrom,
  ticketInfoSchema,
} from "./graph-shapes";
import { idSegment } from "./path-segment";
import { isOpenStage, pimV3Stage, statusIn } from "./pim-v3-status";

// What PIM for Groups and the directory-role schedule requests share: the `request` base type with the schedule
// request fields (contract §2, §5, §7), and the same collection conventions. Each category adds its target.

export const pimV3RequestSchema = z.object({
  id: z.string(),
  status: z.string(),
  // Required by the CSDL, yet one docs example misspells it (§9.11): optional here rather than trusted.
  createdDateTime: z.string().nullish(),
  action: z.string().nullish(),
  justification: z.string().nullish(),
  principalId: z.string().nullish(),
  scheduleInfo: requestScheduleSchema.nullish(),
  ticketInfo: ticketInfoSchema.nullish(),
  createdBy: identitySetSchema.nullish(),
  principal: directoryObjectSchema.nullish(),
});

export type PimV3Request = z.infer<typeof pimV3RequestSchema>;

/** Every PendingRequest field a PIM v3 request determines by itself; the category adds what the target is. */
export function pimV3RequestFields(entity: PimV3Request, cancellableStatuses: readonly string[]): Omit<PendingRequest, "category" | "target"> {
  const stage = pimV3Stage(entity.status);
  const principalId = entity.principal?.id ?? entity.principalId ?? "";
  return {
    id: entity.id,
    status: entity.status,
    statusDetail: null,
    stage,
    isOpen: isOpenStage(stage),
    cancellable: statusIn(entity.status, cancellableStatuses),
    createdDateTime: entity.createdDateTime ?? null,
    principal: { id: principalId, displayName: entity.principal?.displayName ?? principalId },
    requestedBy: personFromIdentitySet(entity.createdBy),
    justification: entity.justification ?? null,
    action: entity.action ?? null,
    schedule: scheduleFrom(entity.scheduleInfo),
    ticket: ticketFrom(entity.ticketInfo),
  };
}

/**
 * A PIM v3 request collection's own requests (`filterByCurrentUser(on='principal')`), its cancel action, and
 * how to read one request back: the entity by id for admins, the filtered self-service list for everyone else.
 */
export function pimV3Collection(base: string, expand: string) {
  const mine = `${base}/filterByCurrentUser(on='principal')`;
  const mineList: ListPlan = { sources: () => [{ kind: "collection", call: { version: "v1.0", path: mine, query: { $expand: expand } } }] };
  return {
    mineList,
    cancel: (id: string): GraphCall => ({ version: "v1.0", path: `${base}/${idSegment(id)}/cancel` }),
    readBack: (id: string, view: "mine" | "all"): GraphCall =>
      view === "all"
        ? { version: "v1.0", path: `${base}/${idSegment(id)}`, query: { $expand: expand } }
        : { version: "v1.0", path: mine, query: { $filter: `id eq ${odataString(id)}`, $expand: expand } },
  };
}
