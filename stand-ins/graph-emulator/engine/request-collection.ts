// The shared engine behind every "request" collection (categories C and D now; A, B and E later): one small
// module states its paths, permissions, filterable properties, views and status rules, and this file turns it into
// the four routes every category has — list, filterByCurrentUser, get by id, cancel.

import type { GraphVersion, StoredRequest } from "../model";
import type { EmulatorState } from "./state";
import { entityResult, listCollection, queryOptions } from "./collection-reads";
import { badRequest, cannotCancel, forbidden, itemNotFound } from "./graph-error";
import type { FilterableProperties, FilterExpr } from "./odata-filter";
import type { EntityView } from "./render";
import type { Route, RouteContext } from "./routing";
import type { Caller, EmulatorConfig } from "./types";

/** Names used by the control endpoints (/_emulator/entities/:collection/:id) and the state. */
export type RequestCollectionName = "groupAssignmentScheduleRequests" | "groupEligibilityScheduleRequests" | "accessPackageAssignmentRequests";

export interface RequestCollection<R extends StoredRequest> {
  name: RequestCollectionName;
  /** Collection paths after the version, per version; beta may have more than one (D's older path). */
  paths: Readonly<Partial<Record<GraphVersion, readonly string[]>>>;
  records(state: EmulatorState): Map<string, R>;
  view(version: GraphVersion): EntityView<R>;
  filterable(version: GraphVersion): FilterableProperties<R>;
  scopes: { read: readonly string[]; cancel(version: GraphVersion): readonly string[] };
  /** The `on` values filterByCurrentUser accepts, and what each means. */
  currentUser: { options: readonly string[]; matches(record: R, caller: Caller, on: string, state: EmulatorState): boolean };
  /** Throws 400 (missing required filter) or 403; returns which records the caller may see in the list. */
  authorizeList(caller: Caller, filter: FilterExpr | undefined, state: EmulatorState): (record: R) => boolean;
  canRead(caller: Caller, record: R, state: EmulatorState): boolean;
  /** Throws 403 when the caller may not cancel this request, or 400 for a missing/wrong body. */
  authorizeCancel(ctx: RouteContext, record: R): void;
  isCancellable(record: R): boolean;
  cancel(record: R, now: Date): void;
  cancelSuccessStatus(config: EmulatorConfig): 200 | 204;
  /** For POST /_emulator/entities: change the status behind the app's back (throws on an unknown status). */
  setStatus(record: R, status: string, now: Date): void;
  /** Its status, as tests read it. */
  statusOf(record: R): string;
}

function findRecord<R extends StoredRequest>(collection: RequestCollection<R>, ctx: RouteContext): R {
  const id = ctx.params.id ?? "";
  const record = collection.records(ctx.state).get(id) ?? collection.records(ctx.state).get(id.toLowerCase());
  if (!record) throw itemNotFound(id);
  return record;
}

export function requestCollectionRoutes<R extends StoredRequest>(collection: RequestCollection<R>): Route[] {
  const routes: Route[] = [];
  for (const [version, paths] of Object.entries(collection.paths) as Array<[GraphVersion, readonly string[]]>) {
    const versions = [version];
    const view = collection.view(version);
    const filterable = collection.filterable(version);
    for (const base of paths) {
      routes.push(
        {
          method: "GET",
          versions,
          path: base,
          scopes: collection.scopes.read,
          handle(ctx) {
            const options = queryOptions(ctx);
            const visible = collection.authorizeList(ctx.caller, options.filter, ctx.state);
            return listCollection(ctx, { records: collection.records(ctx.state).values(), view, filterable, contextFragment: base, visible }, options);
          },
        },
        {
          method: "GET",
          versions,
          path: `${base}/filterByCurrentUser(...)`,
          scopes: collection.scopes.read,
          handle(ctx) {
            const on = ctx.params.on;
            const allowed = collection.currentUser.options;
            if (on === undefined) throw badRequest(`The parameter 'on' is required for filterByCurrentUser; use one of: ${allowed.join(", ")}.`);
            const option = allowed.find((o) => o.toLowerCase() === on.toLowerCase());
            if (!option) throw badRequest(`The value '${on}' is not valid for the parameter 'on'; use one of: ${allowed.join(", ")}.`);
            const visible = (record: R) => collection.currentUser.matches(record, ctx.caller, option, ctx.state);
            const contextFragment = `Collection(microsoft.graph.${view.typeName})`;
            return listCollection(ctx, { records: collection.records(ctx.state).values(), view, filterable, contextFragment, visible });
          },
        },
        {
          method: "GET",
          versions,
          path: `${base}/{id}`,
          scopes: collection.scopes.read,
          handle(ctx) {
            const record = findRecord(collection, ctx);
            if (!collection.canRead(ctx.caller, record, ctx.state)) throw forbidden();
            return entityResult(ctx, view, record, base);
          },
        },
        {
          method: "POST",
          versions,
          path: `${base}/{id}/cancel`,
          scopes: collection.scopes.cancel(version),
          handle(ctx) {
            const record = findRecord(collection, ctx);
            collection.authorizeCancel(ctx, record);
            if (!collection.isCancellable(record)) throw cannotCancel(collection.statusOf(record));
            collection.cancel(record, new Date());
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
