// GET …/{name} and POST …/{name}/cancel (contract "Endpoints"; cancel answers 200 with an empty body, as the spec's
// Cancel example shows `"200": {}`). A request is addressed under its own scope; elsewhere it is not found.
// Authorization comes first, as in ARM: the request's principal or requestor may read and cancel it without any
// role (contract "Cancel rules": a caller may cancel their own request); approvers may read it; anyone else needs
// the kind's read or cancel action at the scope.

import { ArmError, cannotCancel } from "../engine/cloud-error";
import type { ArmRoute, RouteContext } from "../engine/routing";
import type { ArmRequestRecord } from "../model/records";
import { renderRequest } from "../model/render";
import type { RequestKindInfo } from "../model/request-kinds";
import { isCancellable } from "../model/statuses";
import { refuse, resolveScope } from "./request-scope";

function locate(context: RouteContext, kind: RequestKindInfo, scopeSegments: readonly string[], name: string) {
  const scope = resolveScope(context, scopeSegments);
  const stored = context.state.find(kind.kind, name);
  const record = stored && scope.node && stored.scopeId.toLowerCase() === scope.node.id.toLowerCase() ? stored : undefined;
  const resourceId = `${scope.shownId === "/" ? "" : scope.shownId}/providers/Microsoft.Authorization/${kind.segment}/${record?.name ?? name}`;
  const notFound = () =>
    new ArmError(404, kind.notFoundCode, `The ${kind.kind === "assignment" ? "role assignment" : "role eligibility"} schedule request '${name}' could not be found at scope '${scope.shownId}'.`);
  return { scope, record, resourceId, notFound };
}

const isOwn = (record: ArmRequestRecord | undefined, oid: string) => !!record && (record.principalId === oid || record.requestorId === oid);

export function getRoute(kind: RequestKindInfo, scopeSegments: readonly string[], name: string): ArmRoute {
  return {
    methods: ["GET"],
    apiVersions: kind.apiVersions,
    handle(context) {
      const { caller, directory } = context;
      const { scope, record, resourceId, notFound } = locate(context, kind, scopeSegments, name);
      const involved = isOwn(record, caller.oid) || !!record?.approverIds.includes(caller.oid);
      if (!involved && !directory.rbac.can(caller.oid, kind.readAction, scope.chain)) throw refuse(context, kind.readAction, resourceId);
      if (!record) throw notFound();
      return { status: 200, body: renderRequest(record, kind, directory) };
    },
  };
}

export function cancelRoute(kind: RequestKindInfo, scopeSegments: readonly string[], name: string): ArmRoute {
  return {
    methods: ["POST"],
    apiVersions: kind.apiVersions,
    handle(context) {
      const { caller, directory, state } = context;
      const { scope, record, resourceId, notFound } = locate(context, kind, scopeSegments, name);
      if (!isOwn(record, caller.oid) && !directory.rbac.can(caller.oid, kind.cancelAction, scope.chain)) throw refuse(context, kind.cancelAction, resourceId);
      if (!record) throw notFound();
      if (!isCancellable(record.status)) throw cannotCancel();
      state.setStatus(kind.kind, record.name, "Canceled");
      return { status: 200 };
    },
  };
}
