import "server-only";
import type { ArmCategory, ArmRequestRef } from "@/lib/categories/category-definition";
import { serverEnv } from "@/lib/config/server-env";
import { z } from "zod";
import { idSegment } from "@/lib/categories/path-segment";
import { AppError } from "@/lib/errors/app-error";

// Every ARM URL the app calls is built here, from a scope that came from a category's `requestRef` (validated there)
// or from ARM's own scope lists (validated below), and every link ARM hands back (`nextLink`) is checked here before
// the user's token goes with it. Client cursors carry no link, only ARM's skip token (lib/upstreams/cursor).

/** ARM's root for the configured cloud (no trailing slash), e.g. https://management.azure.com. */
export function armBaseUrl(): string {
  return serverEnv().endpoints.armBaseUrl.replace(/\/+$/, "");
}

/**
 * The absolute URL for a path the app built ("/subscriptions?…") or a link ARM sent. A link elsewhere than the
 * configured ARM root is never called: the user's ARM token must not travel to another host.
 */
export function resolveArmUrl(pathOrUrl: string): string {
  const base = armBaseUrl();
  if (pathOrUrl.startsWith("/") && !pathOrUrl.startsWith("//")) return `${base}${pathOrUrl}`;
  if (!isOnArm(pathOrUrl)) throw linkRefused();
  return pathOrUrl;
}

function isOnArm(link: string): boolean {
  const url = parseUrl(link);
  if (!url || url.username || url.password) return false;
  const base = new URL(armBaseUrl());
  const basePath = base.pathname.replace(/\/+$/, "");
  return url.origin === base.origin && (basePath === "" || url.pathname.toLowerCase().startsWith(`${basePath.toLowerCase()}/`));
}

export function linkRefused(): AppError {
  return new AppError("upstream_error", "Azure Resource Manager sent a link to an unexpected place; it was not followed.", { upstream: "arm" });
}

const PIM_PROVIDER = "providers/Microsoft.Authorization";
const SAFE_SEGMENT = /^[A-Za-z0-9_().-]+$/;
const NAME = /^[A-Za-z0-9_-]{1,128}$/;
// One segment of a scope ARM named (a subscription, a management group, from ARM's own lists) or a request's name,
// as lib/categories/path-segment checks and encodes every id that goes into a path.
const scopeSegmentSchema = z.string().regex(SAFE_SEGMENT).refine((s) => s !== "." && s !== "..");
const nameSchema = z.string().regex(NAME, "the request's name must be a GUID");

/**
 * A scope as a path prefix: "" for the tenant root, else the resource id with its leading slash. The categories
 * validate their scopes (azure-role-request `scopeProblem`); this is the last line before a URL is built, so a
 * scope that could change which path is called ("..", "?", "%", an empty segment) is refused again.
 */
function scopePrefix(scope: string): string {
  if (scope === "" || scope === "/") return "";
  const segments = scope.split("/").slice(1);
  const safe = scope.startsWith("/") && segments.every((s) => SAFE_SEGMENT.test(s) && s !== "." && s !== "..");
  if (!safe) throw new AppError("invalid_input", "Invalid Azure role request id: its scope is not one Request Desk calls Azure Resource Manager with.");
  return `/${segments.map((s) => idSegment(s, scopeSegmentSchema)).join("/")}`;
}

/** `{scope}/providers/Microsoft.Authorization/{resourceType}`, without a query: the collection a list reads. */
export function armCollectionPath(category: ArmCategory<unknown>, scope: string): string {
  return `${scopePrefix(scope)}/${PIM_PROVIDER}/${category.resourceType}`;
}

/** A list of the category's requests at a scope ("" = the tenant root), optionally filtered. */
export function armListPath(category: ArmCategory<unknown>, scope: string, filter?: string): string {
  return withQuery(armCollectionPath(category, scope), category.apiVersion, filter);
}

/**
 * ARM's "Permissions - List For Resource Group" / "List For Resource" (learn.microsoft.com/rest/api/authorization/
 * permissions), read at every scope the admin view lists: 2022-04-01 is the version its reference documents.
 */
export const ARM_PERMISSIONS_API_VERSION = "2022-04-01";

/** The caller's own permissions at a scope: `{scope}/providers/Microsoft.Authorization/permissions`. */
export function armPermissionsPath(scope: string): string {
  return withQuery(`${scopePrefix(scope)}/${PIM_PROVIDER}/permissions`, ARM_PERMISSIONS_API_VERSION);
}

/** One request (`GET`), or its cancel (`POST …/cancel`). */
export function armRequestPath(category: ArmCategory<unknown>, ref: ArmRequestRef, action?: "cancel"): string {
  if (!NAME.test(ref.name)) throw new AppError("invalid_input", "Invalid Azure role request id: the request's name must be a GUID.");
  return withQuery(`${armCollectionPath(category, ref.scope)}/${idSegment(ref.name, nameSchema)}${action ? `/${action}` : ""}`, category.apiVersion);
}

// `$` stays literal in the option's name, as ARM writes its own links; the value is encoded.
function withQuery(path: string, apiVersion: string, filter?: string): string {
  return `${path}?api-version=${encodeURIComponent(apiVersion)}${filter ? `&$filter=${encodeURIComponent(filter)}` : ""}`;
}

// ---- Scopes from ARM's own lists (contract "Finding the scopes an admin can see") ----

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Management group ids: letters, digits, "-", "_", ".", "(", ")", at most 90, not ending with "." (ARM's naming rules).
const GROUP_ID = /^\/providers\/Microsoft\.Management\/managementGroups\/([A-Za-z0-9_().-]{0,89}[A-Za-z0-9_()-])$/i;

/** A subscription's scope from `GET /subscriptions`, or undefined when its id is not `/subscriptions/<guid>`. */
export function subscriptionScope(id: string): string | undefined {
  const match = /^\/subscriptions\/([^/]+)$/i.exec(id);
  return match && GUID.test(match[1]!) ? `/subscriptions/${match[1]}` : undefined;
}

/** A management group's scope from ARM's list, or undefined for anything but `/providers/Microsoft.Management/managementGroups/<name>`. */
export function managementGroupScope(id: string): string | undefined {
  const match = GROUP_ID.exec(id);
  return match ? `/providers/Microsoft.Management/managementGroups/${match[1]}` : undefined;
}

// ---- Links ARM hands back ----

/**
 * A `nextLink` from ARM (or a list rebuilt from a cursor's skip token) is followed only when it continues `expected`, a path
 * the app built: on ARM's root, the same path (ARM paths are case-insensitive), and the same `api-version` and
 * `$filter`, each at most once. Returns the link to call, or undefined when it is not one to follow.
 *
 * A link that leaves out `api-version` or `$filter` gets the expected ones put back rather than being refused: Azure
 * SDKs re-add a missing `api-version` to nextLinks because some services drop it, and a filter kept only in the
 * skip token is then sent once more, unchanged. So a link cannot widen "my requests" into another list by dropping
 * the filter, and a service that shortens its links still pages. The skip token and anything else ARM adds ride
 * along untouched.
 */
export function armLinkWithin(link: string, expected: string): string | undefined {
  const url = parseUrl(link);
  if (!url || !isOnArm(link) || url.hash) return undefined;
  // An encoded "/" or "\\" would read as our path here and as another one to a server that splits before decoding.
  if (/%(2f|5c)/i.test(url.pathname)) return undefined;
  const want = new URL(resolveArmUrl(expected));
  const path = safeDecode(url.pathname);
  if (path === null || path.toLowerCase() !== safeDecode(want.pathname)?.toLowerCase()) return undefined;
  let continued = link;
  for (const name of ["api-version", "$filter"]) {
    const got = optionValues(url, name);
    const wanted = optionValues(want, name);
    if (got.length > 1 || (got.length === 1 && (wanted.length !== 1 || got[0] !== wanted[0]))) return undefined;
    if (got.length === 0 && wanted[0] !== undefined) continued += `${continued.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(wanted[0])}`;
  }
  return continued;
}

export function isArmLinkWithin(link: string, expected: string): boolean {
  return armLinkWithin(link, expected) !== undefined;
}

/** The link to call for `link` (see armLinkWithin); throws the app's upstream_error for anything else. */
export function assertArmLinkWithin(link: string, expected: string): string {
  const continued = armLinkWithin(link, expected);
  if (continued === undefined) throw linkRefused();
  return continued;
}

function optionValues(url: URL, name: string): string[] {
  return [...url.searchParams].filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
}

function parseUrl(link: string): URL | undefined {
  try {
    return new URL(link);
  } catch {
    return undefined;
  }
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
