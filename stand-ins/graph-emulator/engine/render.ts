// Entity rendering with $select and $expand. A view turns one stored record into one Graph type's JSON for one
// API version; navigations render another view for $expand (nested $select/$expand included).

import type { GraphVersion } from "../model";
import type { EmulatorState } from "./state";
import { badRequest } from "./graph-error";
import type { ExpandItem } from "./odata-options";

export interface RenderContext {
  state: EmulatorState;
  version: GraphVersion;
}

export interface Navigation<T> {
  expand(source: T, item: ExpandItem, ctx: RenderContext): unknown;
}

export interface EntityView<T> {
  /** e.g. "privilegedAccessGroupAssignmentScheduleRequest" (used in error messages and @odata.context). */
  typeName: string;
  render(source: T, ctx: RenderContext): Record<string, unknown>;
  navigations?: Readonly<Record<string, Navigation<T>>>;
}

/** A single-valued navigation: resolves the related object, or null when there is none. */
export function navigation<T, U>(target: () => EntityView<U>, resolve: (source: T, ctx: RenderContext) => U | null | undefined): Navigation<T> {
  return {
    expand(source, item, ctx) {
      const related = resolve(source, ctx);
      return related == null ? null : renderEntity(target(), related, item, ctx);
    },
  };
}

const notFound = (name: string, typeName: string) =>
  badRequest(`Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.${typeName}'.`);

/** Renders `source` with `options.select` / `options.expand` applied (both optional). */
export function renderEntity<T>(
  view: EntityView<T>,
  source: T,
  options: { select?: string[]; expand?: ExpandItem[] },
  ctx: RenderContext,
): Record<string, unknown> {
  const full = view.render(source, ctx);
  const navigations = view.navigations ?? {};
  let out: Record<string, unknown> = full;
  if (options.select && !options.select.includes("*")) {
    out = "@odata.type" in full ? { "@odata.type": full["@odata.type"] } : {};
    for (const name of options.select) {
      const key = Object.keys(full).find((k) => k.toLowerCase() === name.toLowerCase());
      if (key !== undefined) out[key] = full[key];
      // Selecting a navigation property is allowed in OData; it contributes nothing unless expanded.
      else if (!Object.keys(navigations).some((k) => k.toLowerCase() === name.toLowerCase())) throw notFound(name, view.typeName);
    }
  } else out = { ...full };
  for (const item of options.expand ?? []) {
    const key = Object.keys(navigations).find((k) => k.toLowerCase() === item.name.toLowerCase());
    if (key === undefined) throw notFound(item.name, view.typeName);
    out[key] = navigations[key]!.expand(source, item, ctx);
  }
  return out;
}
