import "server-only";
import type { ArmCategory } from "@/lib/categories/category-definition";
import { AppError } from "@/lib/errors/app-error";
import type { PendingRequest, RequestPage, RequestView } from "@/lib/requests/pending-request";
import { invalidCursor, openCursor, sealCursor, type CursorBinding, type CursorPosition } from "@/lib/upstreams/cursor";
import { cursorCaller } from "@/lib/upstreams/cursor-caller";
import { pagingOptionsOf, type PagingOptions } from "@/lib/upstreams/paging-options";
import { ArmHttpError } from "./arm-error";
import { armBaseUrl, armListPath } from "./arm-paths";
import { forEachBounded } from "./bounded";
import { readCancelRight, withArmCancelRights, type ScopeCancelRight } from "./cancel-rights";
import { fetchArmList, fetchArmPage, mapArmEntities, type MappedArmRequest } from "./collection";
import { mapArmError, readAction } from "./map-arm-error";
import { NO_VISIBLE_SCOPES_MESSAGE } from "./no-visible-scopes";
import { inPagingOrder, scopeOwner } from "./scope-ownership";
import { listVisibleScopes, type VisibleScope } from "./visible-scopes";

export interface ArmListInput {
  category: ArmCategory<unknown>;
  view: RequestView;
  cursor: string | undefined;
  token: string;
}

/** A scope the admin view could not read, so the user knows the list is missing it and why. */
export interface SkippedScope {
  displayName: string;
  kind: string;
  reason: string;
}

/** An ARM page: the app's page, plus the scopes an admin view had to leave out. */
export type ArmRequestPage = RequestPage & { skippedScopes?: SkippedScope[] };

/**
 * Calls in flight at once for one admin view: each scope's list and, beside it, the caller's permissions there
 * (cancel-rights.ts). ARM has no `$batch`, so each is its own call; ARM allows each user 250 reads in a burst and 25
 * a second after that (contract "Errors, throttling, ids"). Six at once keeps an estate of a few dozen scopes to a
 * handful of round trips while one user's list never spends the read burst faster than the dashboard's other calls
 * need it, and leaves the connection pool for other users.
 */
export const ARM_LIST_CONCURRENCY = 6;

/**
 * Scopes listed per page of the admin view: as many as calls run at once, so a page costs about two rounds of calls
 * (its lists and, beside them, the permission reads), whatever the estate's size.
 */
export const ARM_SCOPES_PER_PAGE = ARM_LIST_CONCURRENCY;

/** One page of a category's requests as the signed-in user may see them, with a cursor for the next page. */
export async function listArmRequestPage(input: ArmListInput): Promise<ArmRequestPage> {
  const { category, view } = input;
  try {
    const plan = category.list[view];
    return plan.scopes === "tenant-root" ? await tenantRootPage(input, plan.filter) : await visibleScopesPage(input);
  } catch (error) {
    throw mapArmError(error, { category, operation: "list", view });
  }
}

/**
 * The self-service view: one list at the tenant root with the plan's filter (`asTarget()`), which ARM allows anyone
 * (contract "Endpoints"). One ARM page per app page; only the paging options of the page's `nextLink` travel in
 * the (sealed) cursor, and the next link is rebuilt from the plan's own path and filter, so no cursor can widen it.
 */
async function tenantRootPage({ category, view, cursor, token }: ArmListInput, filter: string): Promise<RequestPage> {
  const binding: CursorBinding = { category: category.summary.slug, view, caller: cursorCaller(token) };
  const entry = armListPath(category, "", filter);
  let link = entry;
  if (cursor) {
    const position = openCursor(cursor, binding);
    if (position.source !== 0 || position.paging.length === 0) throw invalidCursor();
    link = withPaging(entry, position.paging);
  }
  const page = await fetchArmPage(link, entry, token);
  return {
    items: unique(mapArmEntities(category, page.entities)),
    nextCursor: page.nextLink ? sealCursor(binding, { source: 0, paging: armPaging(page.nextLink) }) : null,
  };
}

/** The plan's list on ARM's root with a cursor's paging options added, `$` literal as ARM writes its own links. */
function withPaging(entry: string, paging: PagingOptions): string {
  return `${armBaseUrl()}${entry}${paging.map(([name, value]) => `&${name}=${encodeURIComponent(value)}`).join("")}`;
}

/** What of ARM's nextLink goes into a cursor: its paging options. A link without a skip token cannot continue the list. */
function armPaging(nextLink: string): PagingOptions {
  const paging = pagingOptionsOf(nextLink, "arm");
  if (!paging) throw new AppError("upstream_error", "Azure Resource Manager sent a next-page link without a skip token; the list cannot be continued.", { upstream: "arm" });
  return paging;
}

/**
 * The admin view, a few scopes per page: the management groups and subscriptions the caller can see, in a fixed
 * order (scope-ownership.ts), ARM_SCOPES_PER_PAGE of them listed per app page, so the first rows arrive after one
 * round of lists however large the estate, as the other categories stream theirs. The cursor holds only the index
 * of the next scope: each scope is listed whole (every nextLink followed) on its page, which keeps the cursor one
 * number, reads each scope's permissions once, and fetches nothing twice. Carrying skip tokens instead, a page of
 * six lists could leave six unfinished, more than the three paging options a cursor holds, or would have to list
 * one scope per page. The cost: a scope with a long list makes a long page.
 *
 * The server keeps no state, so the visible scopes are read again for every page. If they change between two pages
 * (a role granted or removed meanwhile), a scope may be listed twice or not at all in that walk; a cursor past the
 * end of a list that has since shrunk ends the list rather than failing it, since the rows already shown stand.
 *
 * A row is shown by one scope only, its owner (scope-ownership.ts), on whichever page lists that scope, and is
 * newest first within its page (the queue sorts the rows it holds). A scope that refuses (403: no read right there;
 * 404: gone meanwhile) is skipped and reported with its page; when the whole list is on the first page and every
 * scope refuses, the user is told what right they lack instead. Across pages that cannot be told without state:
 * such a user gets an empty list with every scope named under it, each with the right it lacks. Anything else (a
 * claims challenge, throttling, an outage) fails the page. Beside each list, in the same bounded pool, the caller's
 * permissions at that scope are read, so Cancel is not offered where ARM would refuse it (cancel-rights.ts): a row's
 * own scope is on the page that shows it; a failed read there only leaves Cancel to ARM.
 */
async function visibleScopesPage({ category, view, cursor, token }: ArmListInput): Promise<ArmRequestPage> {
  const binding: CursorBinding = { category: category.summary.slug, view, caller: cursorCaller(token) };
  // Opened before any ARM call: a cursor not issued for this user, category and view costs ARM nothing.
  const start = cursor ? nextScopeOf(openCursor(cursor, binding)) : 0;
  const scopes = inPagingOrder(await listVisibleScopes(token));
  if (scopes.length === 0) throw new AppError("forbidden", NO_VISIBLE_SCOPES_MESSAGE, { upstream: "arm" });
  const batch = scopes.slice(start, start + ARM_SCOPES_PER_PAGE);
  const end = start + batch.length;
  const ownerOf = scopeOwner(scopes);

  const found: MappedArmRequest[] = [];
  const refusals: Array<{ scope: VisibleScope; error: ArmHttpError }> = [];
  const rights: ScopeCancelRight[] = [];
  const listScope = async (scope: VisibleScope) => {
    try {
      const mapped = mapArmEntities(category, await fetchArmList(armListPath(category, scope.id), token));
      found.push(...mapped.filter(({ item }) => ownerOf(rowScope(category, item)) === scope));
    } catch (error) {
      if (!(error instanceof ArmHttpError) || (error.status !== 403 && error.status !== 404)) throw error;
      refusals.push({ scope, error });
    }
  };
  const readRight = async (scope: VisibleScope) => {
    rights.push(await readCancelRight(category, scope, token));
  };
  const calls = batch.flatMap((scope) => [() => listScope(scope), () => readRight(scope)]);
  await forEachBounded(calls, ARM_LIST_CONCURRENCY, (call) => call());
  if (start === 0 && end === scopes.length && refusals.length === scopes.length) {
    throw refusals.find((r) => r.error.status === 403)?.error ?? refusals[0]!.error;
  }

  const items = (await withArmCancelRights(unique(found), rights, category, token)).sort(newestFirst);
  const skippedScopes = batch.flatMap((scope) => {
    const refusal = refusals.find((r) => r.scope === scope);
    return refusal ? [{ displayName: scope.displayName, kind: scope.kind, reason: skipReason(category, refusal.error) }] : [];
  });
  return {
    items,
    nextCursor: end < scopes.length ? sealCursor(binding, { source: end, paging: [] }) : null,
    ...(skippedScopes.length > 0 ? { skippedScopes } : {}),
  };
}

/**
 * The index of the next scope a cursor of this view stands for. Its cursors name a scope after the first page and
 * carry no paging options (each scope's nextLinks are followed on its own page): a sealed cursor of another shape
 * was not issued here.
 */
function nextScopeOf(position: CursorPosition): number {
  if (position.source === 0 || position.paging.length > 0) throw invalidCursor();
  return position.source;
}

/** Where a row lives: the scope the category's id for it carries (the mapper also puts it on the row). */
function rowScope(category: ArmCategory<unknown>, item: PendingRequest): string {
  return item.scope?.id ?? category.requestRef(item.id).scope;
}

function skipReason(category: ArmCategory<unknown>, error: ArmHttpError): string {
  const code = error.upstreamCode ? ` (${error.upstreamCode})` : "";
  return error.status === 403
    ? `Azure Resource Manager does not let you read ${category.summary.label} requests here${code}: that needs ${readAction(category)} at this scope.`
    : `Azure Resource Manager no longer knows this scope${code}.`;
}

/** One item per ARM id, case-insensitively: the first listing of a request stands for it. */
function unique(mapped: readonly MappedArmRequest[]): PendingRequest[] {
  const byKey = new Map<string, PendingRequest>();
  for (const { key, item } of mapped) if (!byKey.has(key)) byKey.set(key, item);
  return [...byKey.values()];
}

function newestFirst(a: PendingRequest, b: PendingRequest): number {
  const at = (item: PendingRequest) => {
    const time = item.createdDateTime ? Date.parse(item.createdDateTime) : Number.NaN;
    return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
  };
  const diff = at(b) - at(a);
  return diff > 0 || diff < 0 ? diff : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

