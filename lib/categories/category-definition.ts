import type { z } from "zod";
import type { CategorySummary, PendingRequest, RequestView } from "@/lib/requests/pending-request";

export type GraphVersion = "v1.0" | "beta";

/** One Graph call a category asks for; `lib/graph` performs it. Paths are relative to the version root. */
export interface GraphCall {
  version: GraphVersion;
  path: string;
  query?: Readonly<Record<string, string>>;
}

/**
 * How a category's list is fetched:
 * - `collection`: one collection, paged with `@odata.nextLink`;
 * - `per-group`: Graph refuses an unfiltered list (PIM for Groups needs `groupId`), so list the tenant's
 *   security groups and ask about each group, 20 per `$batch`.
 */
export type ListPlan =
  | { kind: "collection"; call: GraphCall }
  | { kind: "per-group"; groups: GraphCall; callForGroup: (groupId: string) => GraphCall };

export interface CancelCall extends GraphCall {
  body?: unknown;
}

/** The delegated permissions Graph accepts for an operation, least privileged first (from the docs). */
export interface OperationPermissions {
  listAll: readonly string[];
  listMine: readonly string[];
  cancelAll: readonly string[];
  cancelMine: readonly string[];
}

export interface RequestCategory<Entity = unknown> {
  summary: CategorySummary;
  permissions: OperationPermissions;
  /** Directory roles the docs require for the admin-wide list, for the permissions explanation. */
  adminRoles: readonly string[];
  /** Scopes the app asks for at sign-in on this category's behalf. */
  signInScopes: readonly string[];
  list: Readonly<Record<RequestView, ListPlan>>;
  cancel: (id: string, view: RequestView) => CancelCall;
  /** How to read one request back after a cancel that returned no body. */
  readBack: (id: string, view: RequestView) => GraphCall;
  entitySchema: z.ZodType<Entity>;
  toPendingRequest: (entity: Entity) => PendingRequest;
  /** Graph error codes a refused cancel carries when the request is no longer (or never was) cancellable. */
  notCancellableGraphCodes: readonly string[];
  /** Graph error codes that mean "no such request" even when the status is 400. */
  notFoundGraphCodes: readonly string[];
}
