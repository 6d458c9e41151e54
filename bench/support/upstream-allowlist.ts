// The Graph and ARM paths the app is documented to call, as patterns: everything the category modules in
// lib/categories build (lists, fan-out parents and children, cancels, read-backs), plus the calls the app makes
// around them (the caller's id and roles, principal names, the access probe, ARM's scope and permission lists).
// A logged upstream call that matches none of them means the app built a path from something it should not have.

import type { GraphCall, ListSource } from "../../lib/categories/category-definition";
import { armCategories, graphCategories } from "../../lib/categories/registry";
import type { RequestView } from "../../lib/requests/pending-request";

// Stand-ins for ids: a value the category modules accept, replaced by "one path segment" in the pattern.
const ID = "XidX";
const VIEWS: readonly RequestView[] = ["mine", "all"];
// PIM v2 ids carry their provider: "<provider>_<Graph id>" (lib/categories/governance-role.ts).
const ID_PREFIXES = ["", "aadRoles_", "azureResources_", "aadGroups_"];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SEGMENT = "[^/]+";

function graphPattern(call: GraphCall): string {
  return `/${escape(call.version)}${escape(call.path).replaceAll(ID, SEGMENT)}`;
}

/** A documented call: its path, and the query options it is sent with (values as patterns). */
interface DocumentedCall {
  path: string;
  query: Record<string, string>;
}

const documented = (call: GraphCall): DocumentedCall => ({
  path: graphPattern(call),
  query: Object.fromEntries(Object.entries(call.query ?? {}).map(([key, value]) => [key, escape(value).replaceAll(ID, ".+")])),
});

function tryEach<T>(make: (id: string) => T): T | undefined {
  for (const prefix of ID_PREFIXES) {
    try {
      return make(`${prefix}${ID}`);
    } catch {
      // not this category's id shape
    }
  }
  return undefined;
}

function sourceCalls(source: ListSource): GraphCall[] {
  return source.kind === "collection" ? [source.call] : [source.parents, source.child(ID)];
}

function graphCalls(): DocumentedCall[] {
  const calls: DocumentedCall[] = [
    { path: "/v1\\.0/me", query: { $select: "id(,displayName)?" } },
    { path: "/(v1\\.0|beta)/\\$batch", query: {} },
    { path: `/v1\\.0/users/${SEGMENT}`, query: { $select: "id,displayName" } },
    { path: "/v1\\.0/roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser\\(on='principal'\\)", query: { $select: "roleDefinitionId,directoryScopeId" } },
  ];
  for (const category of graphCategories()) {
    for (const view of VIEWS) {
      for (const source of category.list[view].sources({ callerId: ID })) sourceCalls(source).forEach((c) => calls.push(documented(c)));
      const cancel = tryEach((id) => category.cancel(id, view));
      const readBack = tryEach((id) => category.readBack(id, view));
      if (cancel) calls.push(documented(cancel));
      if (readBack) calls.push(documented(readBack));
    }
  }
  return calls;
}

// An ARM scope: the tenant root, a management group, a subscription, a resource group or a resource under it.
const ARM_SCOPE =
  "(/providers/Microsoft\\.Management/managementGroups/[^/]+|/subscriptions/[^/]+(/resourceGroups/[^/]+(/providers/[^/]+(/[^/]+/[^/]+)+)?)?)?";

function armPatterns(): string[] {
  const types = armCategories().map((c) => escape(c.resourceType));
  return [
    "/subscriptions",
    "/providers/Microsoft\\.Management/managementGroups",
    `${ARM_SCOPE}/providers/Microsoft\\.Authorization/permissions`,
    `${ARM_SCOPE}/providers/Microsoft\\.Authorization/(${types.join("|")})(/[A-Za-z0-9_-]+(/cancel)?)?`,
  ];
}

const anchored = (pattern: string) => new RegExp(`^${pattern}$`, "i");

const GRAPH_CALLS = graphCalls().map((call) => ({
  path: anchored(call.path),
  query: Object.entries(call.query).map(([key, value]) => [key, anchored(value)] as const),
}));
export const GRAPH_ALLOWLIST = [...new Set(GRAPH_CALLS.map((c) => c.path))];
export const ARM_ALLOWLIST = armPatterns().map(anchored);

export const isAllowedGraphPath = (path: string) => GRAPH_CALLS.some((c) => c.path.test(path));
export const isAllowedArmPath = (path: string) => ARM_ALLOWLIST.some((re) => re.test(path));

/** Paging (Graph's own next links) and the access probe's small `$top` may come on top of a documented query. */
const PAGING: Readonly<Record<string, RegExp>> = { $skiptoken: /^.*$/, $top: /^([1-9]|1\d|20)$/ };

/**
 * A call on a documented path whose query options are not the ones any category sends with it: a documented
 * option missing or changed (a `$filter` on the caller dropped, `$expand=*`), or one nobody sends (`$top=999`).
 */
export function hasUndocumentedQuery(path: string, query: Readonly<Record<string, string>>): boolean {
  const candidates = GRAPH_CALLS.filter((c) => c.path.test(path));
  if (candidates.length === 0) return false;
  return !candidates.some((c) => {
    const documentedKeys = new Set(c.query.map(([key]) => key));
    const allPresent = c.query.every(([key, value]) => query[key] !== undefined && value.test(query[key]!));
    const extrasAllowed = Object.entries(query).every(([key, value]) => documentedKeys.has(key) || PAGING[key]?.test(value));
    return allPresent && extrasAllowed;
  });
}
