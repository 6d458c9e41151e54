import "server-only";
import type { GraphCall, ListSource, GraphCategory } from "@/lib/categories/category-definition";
import type { PendingRequest, RequestPage, RequestView } from "@/lib/requests/pending-request";
import { AppError } from "@/lib/errors/app-error";
import { runBatches, type BatchItemResult } from "./batch";
import { readCallerId } from "./caller";
import { readActiveDirectoryRoles } from "./caller-roles";
import { withCancelRights } from "./cancel-rights";
import { mapEntities, parentIds, readCollection } from "./collection";
import { invalidCursor, openCursor, sealCursor, type CursorBinding, type CursorPosition } from "@/lib/upstreams/cursor";
import { cursorCaller } from "@/lib/upstreams/cursor-caller";
import { pagingOptionsOf, type PagingOptions } from "@/lib/upstreams/paging-options";
import { GraphHttpError } from "./graph-error";
import { graphRequest } from "./graph-fetch";
import { buildGraphUrl, callForLink, isLinkWithin } from "./graph-url";
import { mapGraphError } from "./map-graph-error";
import { withPrincipalNames } from "./principal-names";

export interface GraphListInput {
  category: GraphCategory<unknown>;
  view: RequestView;
  cursor: string | undefined;
  token: string;
}

/** One page of a category's requests as the signed-in user may see them, with a cursor for the next page. */
export async function listGraphRequestPage(input: GraphListInput): Promise<RequestPage> {
  const { category, view, token } = input;
  try {
    const plan = category.list[view];
    // The cursor's own checks (seal, expiry, category, view, caller) come before anything is asked of Graph, `/me`
    // included. Whether its source exists in the plan can only be told once the sources are known, below.
    const binding: CursorBinding = { category: category.summary.slug, view, caller: cursorCaller(token) };
    const cursor = input.cursor ? openCursor(input.cursor, binding) : undefined;
    // Only categories whose cancel needs a directory role ask for the caller's roles, side by side with the page.
    const roles = category.cancelRoles ? readActiveDirectoryRoles(token) : Promise.resolve(null);
    roles.catch(() => {}); // Awaited below; a challenge that fails the page first must not go unhandled.
    const sources = plan.sources({ callerId: plan.needsCallerId ? await readCallerId(token) : "" });
    const position: CursorPosition = cursor ?? { source: 0, paging: [] };
    const source = sources[position.source];
    if (!source) throw invalidCursor();
    // The link is rebuilt from the plan (path, $filter, $expand, host) with only the cursor's paging options on top.
    const link = buildGraphUrl(withPaging(entryCall(source), position.paging));

    const page =
      source.kind === "collection"
        ? await collectionPage(category, source.call, link, token)
        : await fanOutPage(category, source, link, token);
    const items = category.lookUpPrincipalNames ? await withPrincipalNames(page.items, token) : page.items;
    const nextSource = sources[position.source + 1];
    const next: CursorPosition | null = page.nextLink
      ? { source: position.source, paging: graphPaging(page.nextLink) }
      : nextSource
        ? { source: position.source + 1, paging: [] }
        : null;
    // Contract §7: some cancels need a directory role the caller may not hold (see cancel-rights).
    return withCancelRights({ items, nextCursor: next ? sealCursor(binding, next) : null }, category, await roles);
  } catch (error) {
    throw mapGraphError(error, { category, operation: "list", view });
  }
}

/** A call with the paging options of a cursor added (they win over the plan's own `$top`, as Graph's link would). */
function withPaging(call: GraphCall, paging: PagingOptions): GraphCall {
  return paging.length === 0 ? call : { ...call, query: { ...call.query, ...Object.fromEntries(paging) } };
}

/** What of Graph's next link goes into a cursor: its paging options. A link without one cannot continue the list. */
function graphPaging(nextLink: string): PagingOptions {
  const paging = pagingOptionsOf(nextLink, "graph");
  if (!paging) throw new AppError("upstream_error", "Microsoft Graph sent a next-page link without a paging token Request Desk knows; the list cannot be continued.");
  return paging;
}

/** The call a source starts from: its collection, or the list of parents it fans out over. */
export function entryCall(source: ListSource): GraphCall {
  return source.kind === "collection" ? source.call : source.parents;
}

interface MappedPage {
  items: PendingRequest[];
  nextLink: string | undefined;
}

async function collectionPage(category: GraphCategory<unknown>, call: GraphCall, link: string, token: string): Promise<MappedPage> {
  const page = await fetchCollection(link, call, token);
  return { items: mapEntities(category, page.entities, call.tag), nextLink: page.nextLink };
}

/**
 * One page of parents (groups, resources) and every request of each, asked 20 parents per `$batch`. A parent
 * whose requests this admin may not read (403, e.g. a role-assignable group without Privileged Role Administrator)
 * is skipped; if every parent refuses, the user is told they lack the right. A source marked skipWhenRefused whose
 * parents cannot be listed at all is skipped the same way; any other such refusal is the list's answer.
 */
async function fanOutPage(
  category: GraphCategory<unknown>,
  source: Extract<ListSource, { kind: "fan-out" }>,
  link: string,
  token: string,
): Promise<MappedPage> {
  let parentsPage;
  try {
    parentsPage = await fetchCollection(link, source.parents, token);
  } catch (error) {
    if (source.skipWhenRefused && error instanceof GraphHttpError && error.status === 403) return { items: [], nextLink: undefined };
    throw error;
  }
  const calls = parentIds(parentsPage.entities).map((id) => source.child(id));
  const results = await runBatches(calls, token, { concurrency: FAN_OUT_CONCURRENCY });

  const items: PendingRequest[] = [];
  const unfinished: Array<{ call: GraphCall; nextLink: string }> = [];
  let refused = 0;
  for (const [index, result] of results.results.entries()) {
    const call = calls[index]!;
    if (result!.status === 403 || result!.status === 404) {
      refused++;
      continue;
    }
    const page = readBatchedPage(result!, call);
    items.push(...mapEntities(category, page.entities, call.tag));
    if (page.nextLink) unfinished.push({ call, nextLink: page.nextLink });
  }
  if (calls.length > 0 && refused === calls.length) {
    const firstRefusal = results.results.find((r) => r!.status === 403) ?? results.results[0]!;
    throw GraphHttpError.fromParts(firstRefusal.status, firstRefusal.body, firstRefusal.headers);
  }
  items.push(...(await followTogether(category, unfinished, token)));
  return { items, nextLink: parentsPage.nextLink };
}

/** `$batch` requests of one fan-out in flight at once: a page of 100 groups is 5 batches, sent side by side. */
const FAN_OUT_CONCURRENCY = 4;

/**
 * The further pages of every parent that has more, asked side by side (`$batch`) round after round: a page of
 * parents costs as many rounds as its longest list has pages, not one round trip per page of every parent.
 */
async function followTogether(
  category: GraphCategory<unknown>,
  unfinished: Array<{ call: GraphCall; nextLink: string }>,
  token: string,
): Promise<PendingRequest[]> {
  const items: PendingRequest[] = [];
  let pending = unfinished;
  while (pending.length > 0) {
    const calls = pending.map(({ call, nextLink }) => callForLink(nextLink, call));
    const { results } = await runBatches(calls, token, { concurrency: FAN_OUT_CONCURRENCY });
    const next: typeof pending = [];
    for (const [index, result] of results.entries()) {
      const { call } = pending[index]!;
      const page = readBatchedPage(result!, call);
      items.push(...mapEntities(category, page.entities, call.tag));
      if (page.nextLink) next.push({ call, nextLink: page.nextLink });
    }
    pending = next;
  }
  return items;
}

/** A parent's list as one `$batch` item answered it; a refusal or an odd shape fails the page, as a direct call would. */
function readBatchedPage(result: BatchItemResult, call: GraphCall) {
  if (result.status < 200 || result.status >= 300) throw GraphHttpError.fromParts(result.status, result.body, result.headers);
  const page = readCollection(result.body);
  if (!page) throw new AppError("upstream_error", "Microsoft Graph sent a list in an unexpected shape.");
  if (page.nextLink && !isLinkWithin(page.nextLink, call)) {
    throw new AppError("upstream_error", "Microsoft Graph sent a next-page link to an unexpected place; it was not followed.");
  }
  return page;
}

async function fetchCollection(link: string, expected: GraphCall, token: string) {
  const response = await graphRequest(link, { token });
  const page = readCollection(response.body);
  if (!page) throw new AppError("upstream_error", "Microsoft Graph sent a list in an unexpected shape.");
  if (page.nextLink && !isLinkWithin(page.nextLink, expected)) {
    throw new AppError("upstream_error", "Microsoft Graph sent a next-page link to an unexpected place; it was not followed.");
  }
  return page;
}
