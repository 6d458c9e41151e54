// The one model every category is normalised into. Shared by the server (route handlers, mappers) and the browser,
// so it holds plain data only.

export const CATEGORY_SLUGS = [
  "group-assignment",
  "group-eligibility",
  "access-package",
  "governance-role",
  "privileged-role",
  "directory-role-assignment",
  "directory-role-eligibility",
  "azure-role-assignment",
  "azure-role-eligibility",
] as const;

export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

/**
 * The categories whose requests live in Azure Resource Manager, for the browser, which needs an ARM token for them
 * and does not load the registry. Tested against the registry (lib/categories/registry.test.ts).
 */
export const ARM_CATEGORY_SLUGS: readonly CategorySlug[] = ["azure-role-assignment", "azure-role-eligibility"];

/** Which API a category's requests live in, so the browser sends the token of that API. */
export function upstreamOf(slug: CategorySlug): "graph" | "arm" {
  return ARM_CATEGORY_SLUGS.includes(slug) ? "arm" : "graph";
}

export const REQUEST_VIEWS = ["mine", "all"] as const;
export type RequestView = (typeof REQUEST_VIEWS)[number];

/**
 * Plain-language lifecycle stage, the same words for every category, so one queue can mix them. The raw Graph
 * value stays in `status` (and `statusDetail` where the API has a second, finer field).
 */
export type RequestStage =
  | "awaiting-approval"
  | "approved-scheduled"
  | "submitted"
  | "in-progress"
  | "completed"
  | "cancelled"
  | "denied"
  | "failed"
  | "revoked"
  | "expired";

export interface PersonRef {
  id: string;
  displayName: string;
}

/**
 * The principal of a request Graph names only as the caller, with no id (PIM v1 writes "Self", contract §4). A
 * category maps it to this; lib/graph/principal-names then puts the signed-in user in its place ("You" if Graph will
 * not say who that is).
 */
export const CALLER_PRINCIPAL: Readonly<PersonRef> = { id: "self", displayName: "You" };

export interface TargetRef {
  id: string;
  displayName: string;
  /** What the target is, in the user's words: "Group membership", "Access package", … */
  kind: string;
}

export interface RequestSchedule {
  startDateTime: string | null;
  endDateTime: string | null;
  /** ISO-8601 duration as Graph sends it (e.g. PT8H). */
  duration: string | null;
}

export interface PendingRequest {
  id: string;
  category: CategorySlug;
  /** Graph's own status value, untouched. */
  status: string;
  statusDetail: string | null;
  stage: RequestStage;
  /** Still moving through its lifecycle (not finished, cancelled, denied…). */
  isOpen: boolean;
  /** From the category's documented cancellable statuses (and, where Graph requires one, the caller's role). */
  cancellable: boolean;
  /**
   * Set when `cancellable` is false although the status allows cancelling: the signed-in user lacks a directory
   * role Graph requires for the cancel, or an Azure role whose permissions include ARM's cancel action at the
   * request's scope. In words an administrator can act on.
   */
  cancelBlockedReason?: string;
  /** Null only when Graph omits it (one docs example misspells the property). */
  createdDateTime: string | null;
  principal: PersonRef;
  target: TargetRef;
  requestedBy: PersonRef | null;
  justification: string | null;
  action: string | null;
  schedule: RequestSchedule | null;
  ticket: { number: string | null; system: string | null } | null;
  /** Azure roles: where the role applies (a management group, subscription, resource group or resource). */
  scope?: { id: string; displayName: string; kind: string };
  /** Azure roles: the ABAC condition that limits the assignment, as ARM states it. */
  condition?: string | null;
}

export interface RequestPage {
  items: PendingRequest[];
  nextCursor: string | null;
  /**
   * Parts of the list the upstream would not show this user (an Azure subscription whose list answered 403): the
   * rest of the list is complete without them, and the queue says which were left out.
   */
  skippedScopes?: SkippedScope[];
}

export interface SkippedScope {
  displayName: string;
  /** "Subscription", "Management group", … */
  kind: string;
  /** In the user's words, with the upstream's code. */
  reason: string;
}

/** How a category module describes itself. */
export interface CategoryDescription {
  slug: CategorySlug;
  label: string;
  description: string;
  /** The API's own name for the requests: a Graph entity type, or an ARM resource type. */
  apiType: string;
  /** Graph's `v1.0` / `beta`, or ARM's `api-version`. */
  apiVersion: string;
  cancellableStatuses: readonly string[];
  /** Set for APIs Microsoft has deprecated or retired. */
  retirement: {
    date: string;
    note: string;
    /** The categories that now hold what this API held, offered to the user in its place. */
    successors?: readonly CategorySlug[];
  } | null;
}

/** What the browser needs to know about a category to render it; the Graph plans stay on the server. */
export interface CategorySummary extends CategoryDescription {
  /** Which API holds the requests: the browser asks for a token of that API's audience. */
  upstream: "graph" | "arm";
  /** In the user's words: what cancelling does for this kind of request. */
  cancelEffect: string;
  /** Delegated permissions Graph accepts per operation, least privileged first (from the docs). */
  permissions: { listAll: readonly string[]; listMine: readonly string[]; cancelAll: readonly string[]; cancelMine: readonly string[] };
  /** Directory roles the docs require for the admin-wide view. */
  adminRoles: readonly string[];
  /** The delegated permissions the app registration lists for this category: what admin consent grants. */
  registeredScopes: readonly string[];
  /** Roles a caller needs to cancel (directory roles for Graph where it requires one; Azure RBAC roles for ARM). */
  cancelRoles: readonly string[];
}
