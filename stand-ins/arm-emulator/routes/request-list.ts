// GET /{scope}/providers/Microsoft.Authorization/role{Assignment,Eligibility}ScheduleRequests (contract
// "Endpoints"). What a list holds:
// - no filter: requests at the scope and below it ("a request appears when listed at its own scope and at scopes
//   above it", contract "Finding the scopes…"), so a management group lists its subscriptions' requests and the
//   client dedupes by id when it lists several scopes;
// - atScope(): at the scope or above it (contract "Endpoints" `$filter`);
// - a principal clause (principalId eq, assignedTo(), asTarget(), asRequestor(), asApprover()): at, above or below.
// Who may list: anyone with the kind's read action at the scope (Owner, User Access Administrator, Reader…,
// inherited from above); anyone at all for a filter that keeps to their own requests (the self-service view,
// contract "Cancel rules"); everyone else is refused with AuthorizationFailed.

import { page } from "../engine/paging";
import { isSelfService, parseRequestFilter, type RequestFilter } from "../engine/request-filter";
import type { ArmRoute, RouteContext } from "../engine/routing";
import { requestOrderKey } from "../engine/state";
import type { ArmRequestRecord } from "../model/records";
import { renderRequest } from "../model/render";
import type { RequestKindInfo } from "../model/request-kinds";
import { refuse, requireExistingScope, resolveScope } from "./request-scope";

function reachOf(filter: RequestFilter): "atOrBelow" | "atOrAbove" | "all" {
  if (filter.atScope) return "atOrAbove";
  const byPrincipal = filter.asTarget || filter.asRequestor || filter.asApprover || filter.principalIds.length > 0;
  return byPrincipal ? "all" : "atOrBelow";
}

function matches(record: ArmRequestRecord, filter: RequestFilter, oid: string): boolean {
  if (filter.asTarget && record.principalId !== oid) return false;
  if (filter.asRequestor && record.requestorId !== oid) return false;
  if (filter.asApprover && !record.approverIds.includes(oid)) return false;
  return filter.principalIds.every((id) => record.principalId.toLowerCase() === id);
}

export function listRoute(kind: RequestKindInfo, scopeSegments: readonly string[]): ArmRoute {
  return {
    methods: ["GET"],
    apiVersions: kind.apiVersions,
    tenantWide: scopeSegments.length === 0,
    handle(context: RouteContext) {
      const { caller, directory, state } = context;
      const filter = parseRequestFilter(context.call.query.get("$filter"));
      const scope = resolveScope(context, scopeSegments);
      const mayRead = directory.rbac.can(caller.oid, kind.readAction, scope.chain);
      if (!mayRead && !isSelfService(filter, caller.oid)) throw refuse(context, kind.readAction, scope.shownId);
      const here = requireExistingScope(scope).id;
      const reach = reachOf(filter);
      const tree = directory.tree;
      const inReach = (record: ArmRequestRecord) =>
        (reach !== "atOrAbove" && tree.isWithin(record.scopeId, here)) || (reach !== "atOrBelow" && tree.isWithin(here, record.scopeId));
      const rows = state.all(kind.kind).filter((record) => inReach(record) && matches(record, filter, caller.oid));
      return { status: 200, body: page(context.call, rows, requestOrderKey, context.config.pageSize, (r) => renderRequest(r, kind, directory)) };
    },
  };
}
