// Reading a collection or one entity the Graph way: $filter → visibility → stable order → page → $select/$expand.
// Shared by the request collections and the directory (users, groups).

import { compileFilter, type FilterableProperties } from "./odata-filter";
import { readQueryOptions, type QueryOptions } from "./odata-options";
import { byCreatedThenId, collectionBody, contextUrl, takePage, type Pageable } from "./paging";
import { renderEntity, type EntityView, type RenderContext } from "./render";
import type { RouteContext } from "./routing";
import type { GraphResult } from "./types";

export interface CollectionSource<R extends Pageable> {
  records: Iterable<R>;
  view: EntityView<R>;
  filterable: FilterableProperties<R>;
  /** @odata.context fragment, e.g. "groups" or "Collection(microsoft.graph.x)". */
  contextFragment: string;
  /** Which records this caller may see at all (applied before $filter and paging). */
  visible?: (record: R) => boolean;
}

export function renderContext(ctx: RouteContext): RenderContext {
  return { state: ctx.state, version: ctx.call.version };
}

export function queryOptions(ctx: RouteContext): QueryOptions {
  return readQueryOptions(ctx.call.query, ctx.call.version);
}

export function listCollection<R extends Pageable>(ctx: RouteContext, source: CollectionSource<R>, options = queryOptions(ctx)): GraphResult {
  const predicate = options.filter ? compileFilter(options.filter, source.filterable, source.view.typeName) : () => true;
  const all = [...source.records];
  const rctx = renderContext(ctx);
  // Validate $select/$expand even when nothing matches, so a typo is a 400 rather than an empty page.
  if (all[0] !== undefined) renderEntity(source.view, all[0], options, rctx);
  const visible = source.visible ?? (() => true);
  const matching = all.filter((r) => visible(r) && predicate(r)).sort(byCreatedThenId);
  const page = takePage(matching, options, ctx.config.pageSize);
  const values = page.items.map((record) => renderEntity(source.view, record, options, rctx));
  const count = options.count && options.skiptoken === undefined ? matching.length : undefined;
  return {
    status: 200,
    body: collectionBody(ctx.call, source.contextFragment, values, { ...(page.skiptoken ? { skiptoken: page.skiptoken } : {}), ...(count !== undefined ? { count } : {}) }),
  };
}

export function entityResult<R>(ctx: RouteContext, view: EntityView<R>, record: R, contextFragment: string): GraphResult {
  const options = queryOptions(ctx);
  return {
    status: 200,
    body: { "@odata.context": contextUrl(ctx.call, `${contextFragment}/$entity`), ...renderEntity(view, record, options, renderContext(ctx)) },
  };
}
