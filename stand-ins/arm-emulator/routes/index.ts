// The route table: the two scope lists, the caller's permissions at any `{scope}`, and for each request kind
// (model/request-kinds.ts) list, get and cancel under any `{scope}` (contract "Endpoints"). Path keywords match
// case-insensitively, as ARM's do.

import type { ArmRoute, RouteResolver } from "../engine/routing";
import { REQUEST_KINDS } from "../model/request-kinds";
import { managementGroupsRoute } from "./management-groups";
import { permissionsRoute } from "./permissions";
import { cancelRoute, getRoute } from "./request-item";
import { listRoute } from "./request-list";
import { subscriptionsRoute } from "./subscriptions";

const is = (segment: string | undefined, word: string) => segment?.toLowerCase() === word.toLowerCase();

function authorizationRoute(segments: readonly string[]): ArmRoute | undefined {
  // The last `providers/Microsoft.Authorization/<type>` ends the scope (a resource scope has its own `providers`).
  for (let at = segments.length - 3; at >= 0; at--) {
    if (!is(segments[at], "providers") || !is(segments[at + 1], "Microsoft.Authorization")) continue;
    if (is(segments[at + 2], "permissions")) return segments.length === at + 3 ? permissionsRoute(segments.slice(0, at)) : undefined;
    const kind = REQUEST_KINDS.find((k) => is(segments[at + 2], k.segment));
    if (!kind) return undefined;
    const scope = segments.slice(0, at);
    const [name, action, ...extra] = segments.slice(at + 3);
    if (name === undefined) return listRoute(kind, scope);
    if (action === undefined) return getRoute(kind, scope, name);
    if (is(action, "cancel") && extra.length === 0) return cancelRoute(kind, scope, name);
    return undefined;
  }
  return undefined;
}

export const resolveArmRoute: RouteResolver = (segments) => {
  if (segments.length === 1 && is(segments[0], "subscriptions")) return subscriptionsRoute;
  if (segments.length === 3 && is(segments[0], "providers") && is(segments[1], "Microsoft.Management") && is(segments[2], "managementGroups")) {
    return managementGroupsRoute;
  }
  return authorizationRoute(segments);
};
