// Category B: PIM v1 privilegedRoleAssignmentRequest (contract §4, seed 001), beta only. Admin list, the `my`
// function (GET, §9 B-2), get by id, and a cancel that answers 200 with the updated entity. Switchable to the
// retired service (config bRetired): no data at all, as since 31 May 2021. Every answer names the caller "Self".

import type { PrivilegedRoleRecord, PrivilegedRoleRequestRecord } from "../model-roles";
import { queryOptions } from "../engine/collection-reads";
import { badRequest, forbidden, GraphError } from "../engine/graph-error";
import type { FilterableProperties } from "../engine/odata-filter";
import { contextUrl } from "../engine/paging";
import { navigation, type EntityView } from "../engine/render";
import { listRequests, requestCollectionRoutes, type RequestCollection } from "../engine/request-collection";
import type { Route, RouteContext } from "../engine/routing";
import type { Caller, GraphResult } from "../engine/types";
import { CANCELLABLE_PRIVILEGED_ROLE_STATUSES, parsePrivilegedRoleStatus, PRIVILEGED_ROLE_STATUSES } from "./role-request-status";
import { hasAnyRole, PIM_ADMIN_ROLES } from "./roles";

const BASE = "privilegedRoleAssignmentRequests";
/** §4: list and `my` accept any of these; cancel the first (the newer page adds Directory.AccessAsUser.All). */
const READ = ["PrivilegedAccess.ReadWrite.AzureAD", "Directory.Read.All", "Directory.AccessAsUser.All"];
const CANCEL = ["PrivilegedAccess.ReadWrite.AzureAD", "Directory.AccessAsUser.All"];

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isPimAdmin = (caller: Caller) => hasAnyRole(caller, PIM_ADMIN_ROLES);

export const privilegedRoleView: EntityView<PrivilegedRoleRecord> = {
  typeName: "privilegedRole",
  render: (r) => ({ id: r.id, name: r.name }),
};

export const privilegedRoleRequestView: EntityView<PrivilegedRoleRequestRecord> = {
  typeName: "privilegedRoleAssignmentRequest",
  render: (r) => ({
    id: r.id,
    userId: r.userId,
    roleId: r.roleId,
    type: r.type,
    assignmentState: r.assignmentState,
    requestedDateTime: r.createdDateTime,
    status: r.status,
    duration: r.duration,
    reason: r.reason,
    ticketNumber: r.ticketNumber,
    ticketSystem: r.ticketSystem,
    schedule: { ...r.schedule },
    // Not in the CSDL, but every docs example carries it (§4); a request Graph answers for is never a dry run.
    evaluateOnly: false,
  }),
  navigations: { roleInfo: navigation(() => privilegedRoleView, (r, ctx) => ctx.state.privilegedRoles.get(r.roleId)) },
};

/** §4: no property is documented as filterable; these are the scalars (**inference**). */
const FILTERABLE: FilterableProperties<PrivilegedRoleRequestRecord> = {
  id: { type: "string", get: (r) => r.id },
  userId: { type: "string", get: (r) => r.userId },
  roleId: { type: "string", get: (r) => r.roleId },
  status: { type: "string", get: (r) => r.status },
  type: { type: "string", get: (r) => r.type },
  assignmentState: { type: "string", get: (r) => r.assignmentState },
  requestedDateTime: { type: "datetime", get: (r) => r.createdDateTime },
};

/**
 * §4: every docs example (list, `my`, the cancel answer) writes `"userId": "Self"`, and the list example's rows are
 * ones the `my` example also shows, i.e. the caller's own: Graph names the caller "Self". Anyone else keeps their
 * id (**inference**: no example shows another user's request). Records keep the real oid, so filters, rights and
 * the control endpoints are unchanged; only the answer is written for whoever asks. An expanded roleInfo carries
 * its own `@odata.context`, as in the `my` example.
 */
function asSeenByCaller(ctx: RouteContext, result: GraphResult): GraphResult {
  const body = result.body as { value?: unknown } | undefined;
  if (!isEntity(body)) return result;
  const rewrite = (entity: unknown) => (isEntity(entity) ? seenBy(ctx, entity) : entity);
  return { ...result, body: Array.isArray(body.value) ? { ...body, value: body.value.map(rewrite) } : rewrite(body) };
}

const isEntity = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function seenBy(ctx: RouteContext, entity: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (key === "userId" && typeof value === "string" && sameId(value, ctx.caller.oid)) {
      out[key] = "Self";
      continue;
    }
    if (key === "roleInfo" && isEntity(value) && typeof entity.id === "string") {
      out["roleInfo@odata.context"] = contextUrl(ctx.call, `${BASE}('${entity.id}')/roleInfo/$entity`);
    }
    out[key] = value;
  }
  return out;
}

const seenByCaller = (route: Route): Route => ({ ...route, handle: async (ctx) => asSeenByCaller(ctx, await route.handle(ctx)) });

/** Seed 001's error table: 400s with code BadRequest and these exact messages, and one 403 "UnAuthorized". */
const notFound = (id: string) => badRequest(id.trim() === "" ? "RequestId cannot be Null." : "Request with request ID not found.");
const notCancellable = () => badRequest("Cancellation can be done only on status Scheduled and PendingApproval.");
const notAllowed = () => new GraphError(403, "UnAuthorized", "Requester not allowed to make Cancel call or request not found.");

export const privilegedRoleRequestCollection: RequestCollection<PrivilegedRoleRequestRecord> = {
  name: "privilegedRoleAssignmentRequests",
  paths: { beta: [BASE] },
  records: (state) => state.privilegedRoleAssignmentRequests,
  view: () => privilegedRoleRequestView,
  filterable: () => FILTERABLE,
  scopes: { read: READ, cancel: () => CANCEL },
  // §4: "the requester must have at least one role assignment": read as a PIM admin role (see roles.ts).
  authorizeList(caller) {
    if (!isPimAdmin(caller)) throw forbidden();
    return () => true;
  },
  canRead: (caller, r) => sameId(r.userId, caller.oid) || isPimAdmin(caller),
  authorizeCancel(ctx, r) {
    if (!sameId(r.userId, ctx.caller.oid) && !isPimAdmin(ctx.caller)) throw notAllowed();
  },
  isCancellable: (r) => CANCELLABLE_PRIVILEGED_ROLE_STATUSES.includes(r.status),
  // The docs example answers the cancel with status "Cancelling"; nothing moves it on in the emulator.
  cancel(r) {
    r.status = "Cancelling";
  },
  cancelSuccessStatus: () => 200,
  cancelReturnsEntity: true,
  setStatus(r, status) {
    const known = parsePrivilegedRoleStatus(status);
    if (!known) throw badRequest(`Unknown privilegedRoleAssignmentRequest status '${status}'; use one of: ${PRIVILEGED_ROLE_STATUSES.join(", ")}, PendingApproval.`);
    r.status = known;
  },
  statusOf: (r) => r.status,
  // For get and cancel alike (the docs name these for cancel; get is an inference).
  notFound,
  notCancellable,
  returnsNoData: (config) => config.bRetired,
  // `my` is a CSDL function (GET, §9 B-2) listing the caller's own requests. Its docs example, asked with no query
  // options, carries @odata.count and an expanded roleInfo: both are the function's defaults here.
  // The engine renders without knowing who asks, so the generic routes come again here, ahead of themselves, each
  // answer rewritten for the caller ("Self"); the engine's own copies are never reached.
  extraRoutes: (base, version) =>
    [
      {
        method: "GET" as const,
        versions: ["beta" as const],
        path: `${base}/my(...)`,
        scopes: READ,
        handle: (ctx: RouteContext) => {
          const options = queryOptions(ctx);
          const mine = (r: PrivilegedRoleRequestRecord) => sameId(r.userId, ctx.caller.oid);
          return listRequests(privilegedRoleRequestCollection, ctx, base, mine, { ...options, expand: options.expand ?? [{ name: "roleInfo" }], count: true });
        },
      },
      ...requestCollectionRoutes({ ...privilegedRoleRequestCollection, paths: { [version]: [base] }, extraRoutes: undefined }),
    ].map(seenByCaller),
};
