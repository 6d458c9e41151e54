// GET /{scope}/providers/Microsoft.Authorization/permissions: "Gets all permissions the caller has" at a scope
// (Microsoft's REST reference "Permissions - List For Resource Group" / "List For Resource", api-version 2022-04-01,
// whose sample answer is `{"value": [{"actions": [], "notActions": [], "dataActions": [], "notDataActions": []}],
// "nextLink": …}`; Microsoft's "Use Resource Manager authentication API to access subscriptions" calls the same path
// on a subscription with 2015-07-01 and gets one entry per role). A client then checks an action itself: it is allowed
// when some entry's `actions` match it and that same entry's `notActions` do not.
//
// What the stand-in answers (inference where the docs say nothing):
// - one entry per role definition the caller holds at the scope or above it (RBAC is inherited downwards, so a role
//   below the scope is not reported), each role once, however many times it is assigned on the way up;
// - at any scope the routes know, management groups and the tenant root included (the reference documents resource
//   groups and resources; the subscription article above shows a subscription);
// - only to a caller allowed `Microsoft.Authorization/permissions/read` there (the reference names that action; every
//   built-in role carries it through `*/read`), as ARM does: anyone else gets 403 AuthorizationFailed naming the
//   action, checked before the scope's existence like every other route, so a caller without rights learns nothing;
//   a client must read that 403 as "unknown", not as "no rights to cancel";
// - no `nextLink`: a caller holds a handful of roles.

import type { ArmRoute } from "../engine/routing";
import { refuse, requireExistingScope, resolveScope } from "./request-scope";

const READ_PERMISSIONS = "Microsoft.Authorization/permissions/read";

/** 2022-04-01 per the reference; the older versions clients (and Microsoft's own articles) still send. */
export const PERMISSIONS_API_VERSIONS = ["2015-07-01", "2018-01-01-preview", "2022-04-01"] as const;

export function permissionsRoute(scopeSegments: readonly string[]): ArmRoute {
  return {
    methods: ["GET"],
    apiVersions: PERMISSIONS_API_VERSIONS,
    handle(context) {
      const { caller, directory } = context;
      const scope = resolveScope(context, scopeSegments);
      if (!directory.rbac.can(caller.oid, READ_PERMISSIONS, scope.chain)) throw refuse(context, READ_PERMISSIONS, scope.shownId);
      requireExistingScope(scope);
      const value = directory.rbac.rolesAt(caller.oid, scope.chain).flatMap((guid) => {
        const role = directory.role(guid);
        return role
          ? [{ actions: [...role.actions], notActions: [...role.notActions], dataActions: [...(role.dataActions ?? [])], notDataActions: [...(role.notDataActions ?? [])] }]
          : [];
      });
      return { status: 200, body: { value } };
    },
  };
}
