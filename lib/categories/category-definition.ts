import { z } from "zod";
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

/** The APIs a category's requests live in. Each has its own host per cloud, token audience, paging and errors. */
import type { Upstream } from "@/lib/errors/app-error";

export type { Upstream };

/** What every category states, whichever API it lives in. */
interface CategoryBase<Entity> {
  upstream: Upstream;
  summary: CategoryDescription;
  permissions: OperationPermissions;
  /** Roles the docs require for the admin-wide list (directory roles, or Azure RBAC roles), for the explanation. */
  adminRoles: readonly string[];
  /**
   * The delegated permissions the app registration lists for this category (app-registration/manifest.json): what an
   * administrator grants up front. Sign-in never asks for them; a `.default` token says whether they were granted.
   * Graph permissions by their short names; an ARM category's `user_impersonation` is of the cloud's ARM resource.
   */
  registeredScopes: readonly string[];
  /**
   * The category's request ids as the app writes them (its own encoding: a Graph id, PIM v2's `<provider>_<id>`,
   * ARM's scope and name). Anything else is a 400 before an upstream call is made.
   */
  idSchema: z.ZodType<string>;
  entitySchema: z.ZodType<Entity>;
  toPendingRequest: (entity: Entity, tag?: string) => PendingRequest;
  /** In the user's words: what cancelling does for this kind of request. */
  cancelEffect: string;
}

/** A category whose requests live in Microsoft Graph. */
export interface GraphCategory<Entity = unknown> extends CategoryBase<Entity> {
  upstream: "graph";
  list: Readonly<Record<RequestView, ListPlan>>;
  cancel: (id: string, view: RequestView) => CancelCall;
  /** How to read one request back after a cancel that returned no body. */
  readBack: (id: string, view: RequestView) => GraphCall;
  /** Which refusals of a cancel mean "no longer cancellable" or "no such request" (often a 400, not a 409/404). */
  classifyCancelRefusal: (refusal: GraphRefusal) => RefusalKind;
  /** Set when the entities carry only a user id (PIM v1): names are then looked up with `/users`. */
  lookUpPrincipalNames?: boolean;
  /** Set when Graph lets a delegated caller cancel only while holding one of these directory roles. */
  cancelRoles?: CancelRoleRequirement;
}

/** Where an ARM category's requests are the caller's to see. */
export type ArmListPlan =
  /** The admin view: every management group and subscription the caller can see, each listed, deduplicated by id. */
  | { scopes: "visible"; filter?: undefined }
  /** One list at the tenant root with a filter that keeps to the caller (ARM allows it at any scope). */
  | { scopes: "tenant-root"; filter: string };

/** An ARM request named by the scope it was made at and its name (a GUID). */
export interface ArmRequestRef {
  /** A resource id with its leading slash: `/subscriptions/<id>`, `/providers/Microsoft.Management/managementGroups/<name>`, … */
  scope: string;
  name: string;
}

/**
 * A category whose requests live in Azure Resource Manager, under `{scope}/providers/Microsoft.Authorization/<type>`.
 * lib/arm performs its calls: scope discovery, `nextLink` paging, bounded parallel calls (ARM has no `$batch`).
 */
export interface ArmCategory<Entity = unknown> extends CategoryBase<Entity> {
  upstream: "arm";
  /** The resource type's path segment: `roleAssignmentScheduleRequests`. */
  resourceType: string;
  apiVersion: string;
  list: Readonly<Record<RequestView, ArmListPlan>>;
  /** The app id of a request (see `idSchema`) back to its scope and name; throws the app's 400 for anything else. */
  requestRef: (id: string) => ArmRequestRef;
  /** The RBAC action a cancel needs and the built-in roles that carry it, named when ARM answers AuthorizationFailed. */
  cancelAction: string;
  cancelActionRoles: readonly string[];
  /** ARM statuses this category may cancel, decided in the module with its reasoning. */
  isCancellableStatus: (status: string) => boolean;
}

export type RequestCategory<Entity = unknown> = GraphCategory<Entity> | ArmCategory<Entity>;

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

/**
 * The id shape of most Graph categories: GUIDs or short opaque tokens (one docs example uses "12345";
 * targetScheduleId-like values use "_"). Anything with "/", ".", "%" or whitespace could change which Graph path is
 * called, so it is refused before a Graph call is made.
 */
export const graphIdSchema = z
  .string()
  .min(1, "The request id is empty.")
  .max(128, "The request id is too long.")
  .regex(/^[A-Za-z0-9_-]+$/, "The request id may only contain letters, digits, '-' and '_'.");
