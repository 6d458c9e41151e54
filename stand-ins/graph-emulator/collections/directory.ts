// Directory reads the app needs: the admin view lists the groups PIM for Groups can govern (security groups, then
// Microsoft 365 groups with `groupTypes/any(g:g eq 'Unified') and securityEnabled eq false`; paged) to fan out PIM
// for Groups requests per group, and may read users and /me. Unknown directory ids answer like real Graph's
// directory service: 404 Request_ResourceNotFound (the request collections use itemNotFound instead, see
// engine/graph-error.ts).

import { GRAPH_VERSIONS, type GroupRecord, type UserRecord } from "../model";
import { entityResult, listCollection } from "../engine/collection-reads";
import { forbidden, GraphError } from "../engine/graph-error";
import type { FilterableProperties } from "../engine/odata-filter";
import type { Route, RouteContext } from "../engine/routing";
import { groupView, userView } from "./directory-views";

const GROUP_READ = ["GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
const USER_READ_ALL = ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
const USER_READ_SELF = ["User.Read", "User.ReadWrite", ...USER_READ_ALL];

const notFound = (id: string) =>
  new GraphError(404, "Request_ResourceNotFound", `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

const GROUP_FILTERABLE: FilterableProperties<GroupRecord> = {
  id: { type: "string", get: (g) => g.id },
  displayName: { type: "string", get: (g) => g.displayName },
  mailNickname: { type: "string", get: (g) => g.mailNickname },
  securityEnabled: { type: "boolean", get: (g) => g.securityEnabled },
  mailEnabled: { type: "boolean", get: (g) => g.mailEnabled },
  groupTypes: { type: "strings", get: (g) => g.groupTypes },
  isAssignableToRole: { type: "boolean", get: (g) => g.isAssignableToRole },
};

const USER_FILTERABLE: FilterableProperties<UserRecord> = {
  id: { type: "string", get: (u) => u.id },
  displayName: { type: "string", get: (u) => u.displayName },
  userPrincipalName: { type: "string", get: (u) => u.userPrincipalName },
  mail: { type: "string", get: (u) => u.mail },
  jobTitle: { type: "string", get: (u) => u.jobTitle },
};

function findUser(ctx: RouteContext, idOrUpn: string): UserRecord {
  const key = idOrUpn.toLowerCase();
  const user = ctx.state.users.get(key) ?? [...ctx.state.users.values()].find((u) => u.userPrincipalName.toLowerCase() === key);
  if (!user) throw notFound(idOrUpn);
  return user;
}

export const directoryRoutes: Route[] = [
  {
    method: "GET",
    versions: GRAPH_VERSIONS,
    path: "groups",
    scopes: GROUP_READ,
    handle: (ctx) => listCollection(ctx, { records: ctx.state.groups.values(), view: groupView, filterable: GROUP_FILTERABLE, contextFragment: "groups" }),
  },
  {
    method: "GET",
    versions: GRAPH_VERSIONS,
    path: "groups/{id}",
    scopes: GROUP_READ,
    handle(ctx) {
      const group = ctx.state.groups.get((ctx.params.id ?? "").toLowerCase());
      if (!group) throw notFound(ctx.params.id ?? "");
      return entityResult(ctx, groupView, group, "groups");
    },
  },
  {
    method: "GET",
    versions: GRAPH_VERSIONS,
    path: "users",
    scopes: USER_READ_ALL,
    handle: (ctx) => listCollection(ctx, { records: ctx.state.users.values(), view: userView, filterable: USER_FILTERABLE, contextFragment: "users" }),
  },
  {
    method: "GET",
    versions: GRAPH_VERSIONS,
    path: "users/{id}",
    scopes: USER_READ_SELF,
    handle(ctx) {
      const user = findUser(ctx, ctx.params.id ?? "");
      // User.Read reads only yourself; anyone else needs one of the broader user permissions.
      if (user.id !== ctx.caller.oid && !USER_READ_ALL.some((s) => ctx.caller.scopes.has(s))) throw forbidden();
      return entityResult(ctx, userView, user, "users");
    },
  },
  {
    method: "GET",
    versions: GRAPH_VERSIONS,
    path: "me",
    scopes: USER_READ_SELF,
    handle: (ctx) => entityResult(ctx, userView, findUser(ctx, ctx.caller.oid), "users"),
  },
];
