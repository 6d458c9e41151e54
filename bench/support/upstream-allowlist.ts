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

function graphPatterns(): string[] {
  const patterns = new Set<string>([
    "/v1\\.0/me",
    "/(v1\\.0|beta)/\\$batch",
    `/v1\\.0/users/${SEGMENT}`,
    "/v1\\.0/roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser\\(on='principal'\\)",
  ]);
  for (const category of graphCategories()) {
    for (const view of VIEWS) {
      for (const source of category.list[view].sources({ callerId: ID })) sourceCalls(source).forEach((c) => patterns.add(graphPattern(c)));
      const cancel = tryEach((id) => category.cancel(id, view));
      const readBack = tryEach((id) => category.readBack(id, view));
      if (cancel) patterns.add(graphPattern(cancel));
      if (readBack) patterns.add(graphPattern(readBack));
    }
  }
  return [...patterns];
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

const anchored = (patterns: readonly string[]) => patterns.map((p) => new RegExp(`^${p}$`, "i"));

export const GRAPH_ALLOWLIST = anchored(graphPatterns());
export const ARM_ALLOWLIST = anchored(armPatterns());

export const isAllowedGraphPath = (path: string) => GRAPH_ALLOWLIST.some((re) => re.test(path));
export const isAllowedArmPath = (path: string) => ARM_ALLOWLIST.some((re) => re.test(path));
