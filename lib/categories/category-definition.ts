import type { z } from "zod";
import type { CategoryDescription, PendingRequest, RequestView } from "@/lib/requests/pending-request";

export type GraphVersion = "v1.0" | "beta";

/** One Graph call a category asks for; `lib/graph` performs it. Paths are relative to the version root. */
export interface GraphCall {
  version: GraphVersion;
  path: string;
  query?: Readonly<Record<string, string>>;
  /**
   * Handed back to the category's mapper with every entity this call returns, for facts the entity itself does
   * not carry (PIM v2's provider, which its cancel path needs).
   */
  tag?: string;
}

/**
 * Where a category's requests come from, read one after the other:
 * - `collection`: one collection, paged with `@odata.nextLink`;
 * - `fan-out`: Graph refuses an unfiltered list (PIM for Groups needs a `groupId`, PIM v2 a `resourceId`), so list
 *   the parents (groups, resources) and ask about each one, 20 per `$batch`.
 */
export type ListSource =
  | { kind: "collection"; call: GraphCall }
  | {
      kind: "fan-out";
      parents: GraphCall;
      child: (parentId: string) => GraphCall;
      /**
       * A refusal (403) to list the parents skips this source instead of failing the list: PIM v2's providers each
       * need their own permission, and one not granted must not hide the others. Not for sources that share a
       * permission (PIM for Groups' two group lists), where a refusal means the whole view is refused.
       */
      skipWhenRefused?: boolean;
      /** Delegated permissions that let the parents be listed, least privileged first: named when Graph refuses. */
      parentsPermissions?: readonly string[];
    };

/** Facts about the signed-in user a plan may need, read from Graph (`/me`) only when `needsCallerId` is set. */
export interface CallerContext {
  callerId: string;
}

export interface ListPlan {
  needsCallerId?: boolean;
  sources: (caller: CallerContext) => readonly ListSource[];
}

/** How a refused Graph call reads for this category, when its status code alone would mislead. */
export type RefusalKind = "not_cancellable" | "not_found" | undefined;

export interface GraphRefusal {
  status: number;
  code: string | undefined;
  message: string;
}

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
  summary: CategoryDescription;
  permissions: OperationPermissions;
  /** Directory roles the docs require for the admin-wide list, for the permissions explanation. */
  adminRoles: readonly string[];
  /**
   * The delegated permissions the app registration lists for this category (app-registration/manifest.json): what an
   * administrator grants up front. Sign-in never asks for them; a `.default` token says whether they were granted.
   */
  registeredScopes: readonly string[];
  list: Readonly<Record<RequestView, ListPlan>>;
  cancel: (id: string, view: RequestView) => CancelCall;
  /** How to read one request back after a cancel that returned no body. */
  readBack: (id: string, view: RequestView) => GraphCall;
  entitySchema: z.ZodType<Entity>;
  toPendingRequest: (entity: Entity, tag?: string) => PendingRequest;
  /** Which refusals of a cancel mean "no longer cancellable" or "no such request" (often a 400, not a 409/404). */
  classifyCancelRefusal: (refusal: GraphRefusal) => RefusalKind;
  /** In the user's words: what cancelling does for this kind of request. */
  cancelEffect: string;
  /** Set when the entities carry only a user id (PIM v1): names are then looked up with `/users`. */
  lookUpPrincipalNames?: boolean;
  /** Set when Graph lets a delegated caller cancel only while holding one of these directory roles. */
  cancelRoles?: CancelRoleRequirement;
}

/**
 * Directory roles a delegated caller needs to cancel any request of a category, their own included (contract §7:
 * Privileged Role Administrator for writes on directory-role requests). Graph still decides; the app only uses it
 * to stop offering a Cancel that Graph would refuse, and to say why.
 */
export interface CancelRoleRequirement {
  /** Role template ids, as Graph reports them (`roleDefinitionId` of a built-in role's assignment). */
  templateIds: readonly string[];
  /** The same roles by name, for messages. */
  names: readonly string[];
  /** Why there is no Cancel for a caller without them, in words an administrator can act on. */
  reason: string;
}

/** The common case: Graph's `RequestCannotBeCancelled` (or a 409) means not cancellable, a 404 means gone. */
export function classifyByCode(notCancellable: readonly string[], notFound: readonly string[] = []) {
  return ({ status, code }: GraphRefusal): RefusalKind => {
    if (status === 404 || (code && notFound.includes(code))) return "not_found";
    if (status === 409 || (code && notCancellable.includes(code))) return "not_cancellable";
    return undefined;
  };
}

/**
 * For a cancel whose docs give a 400 but no error code (PIM for Groups §5, access packages §6, PIM v3 roles §7): no
 * code is matched, as the emulator's `RequestCannotBeCancelled` may not be what Graph sends. The id was validated
 * before the call, so a 400 can only mean Graph will not cancel the request as it now stands; 404 and 409 read as
 * usual.
 */
export function classifyUndocumentedCancelRefusal(refusal: GraphRefusal): RefusalKind {
  return classifyByCode([])(refusal) ?? (refusal.status === 400 ? "not_cancellable" : undefined);
}
