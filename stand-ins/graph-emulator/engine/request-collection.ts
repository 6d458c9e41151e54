// The shared engine behind every "request" collection (categories A–E): one small module states its paths,
// permissions, filterable properties, views and status rules, and this file turns it into the routes every
// category has — list, filterByCurrentUser (where the type has it), get by id, cancel. Optional hooks cover the
// older APIs' quirks: their own not-found / not-cancellable errors (A, B), a cancel that returns the entity (B),
// a retired service that holds no data (B), and extra routes such as B's `my` or A's per-resource list.

import type { GraphVersion, StoredRequest } from "../model";
import type { EmulatorState } from "./state";
import { entityResult, listCollection, queryOptions } from "./collection-reads";
import { badRequest, cannotCancel, forbidden, itemNotFound, type GraphError } from "./graph-error";
import type { QueryOptions } from "./odata-options";
import type { FilterableProperties, FilterExpr } from "./odata-filter";
import type { EntityView } from "./render";
import type { Route, RouteContext } from "./routing";
import type { Caller, EmulatorConfig, GraphResult } from "./types";

/** Names used by the control endpoints (/_emulator/entities/:collection/:id) and the state. */
export type RequestCollectionName =
  | "groupAssignmentScheduleRequests"
  | "groupEligibilityScheduleRequests"
  | "accessPackageAssignmentRequests"
  | "governanceRoleAssignmentRequests"
  | "privilegedRoleAssignmentRequests"
  | "directoryRoleAssignmentScheduleRequests"
  | "directoryRoleEligibilityScheduleRequests";

export interface RequestCollection<R extends StoredRequest> {
  name: RequestCollectionName;
  /** Collection paths after the version, per version; beta may have more than one (D's older path). */
  paths: Readonly<Partial<Record<GraphVersion, readonly string[]>>>;
  records(state: EmulatorState): Map<string, R>;
  view(version: GraphVersion): EntityView<R>;
  filterable(version: GraphVersion): FilterableProperties<R>;
  scopes: { read: readonly string[]; cancel(version: GraphVersion): readonly string[] };
  /** filterByCurrentUser(on=…): the accepted values (and documented-but-unsupported ones). Absent for A and B. */
  currentUser?: {
    options: readonly string[];
    unsupported?: readonly string[];
    matches(record: R, caller: Caller, on: string, state: EmulatorState): boolean;
  };
  /** Throws 400 (missing required filter) or 403; returns which records the caller may see in the list. */
  authorizeList(caller: Caller, filter: FilterExpr | undefined, state: EmulatorState): (record: R) => boolean;
  canRead(caller: Caller, record: R, state: EmulatorState): boolean;
  /** Throws 403 when the caller may not cancel this request, or 400 for a missing/wrong body. */
  authorizeCancel(ctx: RouteContext, record: R): void;
  /** `config` carries the switches that decide it for some categories (E's eCancelPendingApproval). */
  isCancellable(record: R, config: EmulatorConfig): boolean;
  cancel(record: R, now: Date): void;
  cancelSuccessStatus(config: EmulatorConfig): 200 | 204;
  /** For POST /_emulator/entities: change the status behind the app's back (throws on an unknown status). */
  setStatus(record: R, status: string, now: Date): void;
  /** Its status, as tests read it. */
  statusOf(record: R): string;
  /** @odata.context fragment of lists and entities (A names its top-level entity set); default the path. */
  contextFragment?: string;
  /** Unknown id (get and cancel); default 404 itemNotFound. */
  notFound?(id: string): GraphError;
  /** Not in a cancellable status; default 400 RequestCannotBeCancelled. */
  notCancellable?(record: R): GraphError;
  /** Cancel answers 200 with the updated entity (B, whose CSDL action returns it); default no body. */
  cancelReturnsEntity?: boolean;
  /** The service answers as if it held nothing: empty lists, unknown ids (B after its retirement, §4). */
  returnsNoData?(config: EmulatorConfig): boolean;
  /** More routes (B's `my`, A's per-resource list); tried before the generic ones, so `my` is not taken for an id. */
  extraRoutes?(base: string, version: GraphVersion): Route[];
}

const sameKey = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The record for `id` (exact, then case-insensitive), or the collection's not-found error. */
export function findRequest<R extends StoredRequest>(collection: RequestCollection<R>, ctx: RouteContext, id: string): R {
  const records = collection.records(ctx.state);
  const record = collection.returnsNoData?.(ctx.config) ? undefined : (records.get(id) ?? records.get(id.toLowerCase()));
  if (!record) throw collection.notFound?.(id) ?? itemNotFound(id);
  return record;
}

/** A list of this collection's records, narrowed to `visible` (and to nothing while it returns no data). */
export function listRequests<R extends StoredRequest>(
  collection: RequestCollection<R>,
  ctx: RouteContext,
  contextFragment: string,
  visible: (record: R) => boolean,
  options: QueryOptions = queryOptions(ctx),
): GraphResult {
  const version = ctx.call.version;
  const hidden = collection.returnsNoData?.(ctx.config) ?? false;
  return listCollection(
    ctx,
    { records: collection.records(ctx.state).values(), view: collection.view(version), filterable: collection.filterable(version), contextFragment, visible: hidden ? () => false : visible },
    options,
  );
}

function filterByCurrentUserRoute<R extends StoredRequest>(collection: RequestCollection<R>, version: GraphVersion, base: string): Route[] {
  const currentUser = collection.currentUser;
  if (!currentUser) return [];
  const contextFragment = `Collection(microsoft.graph.${collection.view(version).typeName})`;
  return [
    {
      method: "GET",
      versions: [version],
      path: `${base}/filterByCurrentUser(...)`,
      scopes: collection.scopes.read,
      handle(ctx) {
        const on = ctx.params.on;
        const allowed = currentUser.options;
        if (on === undefined) throw badRequest(`The parameter 'on' is required for filterByCurrentUser; use one of: ${allowed.join(", ")}.`);
        if (currentUser.unsupported?.some((o) => sameKey(o, on))) {
          throw badRequest(`The value '${on}' of the parameter 'on' is not supported by this API; use one of: ${allowed.join(", ")}.`);
        }
        const option = allowed.find((o) => sameKey(o, on));
        if (!option) throw badRequest(`The value '${on}' is not valid for the parameter 'on'; use one of: ${allowed.join(", ")}.`);
        return listRequests(collection, ctx, contextFragment, (record) => currentUser.matches(record, ctx.caller, option, ctx.state));
      },
    },
  ];
}

export function requestCollectionRoutes<R extends StoredRequest>(collection: RequestCollection<R>): Route[] {
  const routes: Route[] = [];
  for (const [version, paths] of Object.entries(collection.paths) as Array<[GraphVersion, readonly string[]]>) {
    const versions = [version];
    const view = collection.view(version);
    for (const base of paths) {
      const fragment = collection.contextFragment ?? base;
      routes.push(
        ...(collection.extraRoutes?.(base, version) ?? []),
        {
          method: "GET",
          versions,
          path: base,
          scopes: collection.scopes.read,
          handle(ctx) {
            const options = queryOptions(ctx);
            const visible = collection.authorizeList(ctx.caller, options.filter, ctx.state);
            return listRequests(collection, ctx, fragment, visible, options);
          },
        },
        ...filterByCurrentUserRoute(collection, version, base),
        {
          method: "GET",
          versions,
          path: `${base}/{id}`,
          scopes: collection.scopes.read,
          handle(ctx) {
            const record = findRequest(collection, ctx, ctx.params.id ?? "");
            if (!collection.canRead(ctx.caller, record, ctx.state)) throw forbidden();
            return entityResult(ctx, view, record, fragment);
          },
        },
        {
          method: "POST",
          versions,
          path: `${base}/{id}/cancel`,
          scopes: collection.scopes.cancel(version),
          handle(ctx) {
            const record = findRequest(collection, ctx, ctx.params.id ?? "");
            collection.authorizeCancel(ctx, record);
            if (!collection.isCancellable(record, ctx.config)) throw collection.notCancellable?.(record) ?? cannotCancel(collection.statusOf(record));
            collection.cancel(record, new Date());
            if (collection.cancelReturnsEntity) return entityResult(ctx, view, record, fragment);
            return { status: collection.cancelSuccessStatus(ctx.config) };
          },
        },
      );
    }
  }
  return routes;
}

/** The non-generic face of a collection that the test-only control endpoints use. */
export interface RequestCollectionControl {
  name: RequestCollectionName;
  find(state: EmulatorState, id: string): StoredRequest | undefined;
  all(state: EmulatorState): StoredRequest[];
  setStatus(state: EmulatorState, id: string, status: string, now: Date): StoredRequest | undefined;
}

export function controlFor<R extends StoredRequest>(collection: RequestCollection<R>): RequestCollectionControl {
  const find = (state: EmulatorState, id: string) => collection.records(state).get(id) ?? collection.records(state).get(id.toLowerCase());
  return {
    name: collection.name,
    find,
    all: (state) => [...collection.records(state).values()],
    setStatus(state, id, status, now) {
      const record = find(state, id);
      if (record) collection.setStatus(record, status, now);
      return record;
    },
  };
}
