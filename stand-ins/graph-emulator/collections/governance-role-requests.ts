// Category A: PIM v2 governanceRoleAssignmentRequest (contract §3, seed 000), beta only, one collection per
// provider (`privilegedAccess/{azureResources|aadroles|aadGroups}/…`, matched case-insensitively). A request id
// that exists under another provider is "not found" here. Plus the provider's governance resources and the
// per-resource request list.

import { GOVERNANCE_PROVIDERS, type GovernanceProvider, type GovernanceResourceRecord, type GovernanceRoleRequestRecord } from "../model-roles";
import { entityResult, listCollection } from "../engine/collection-reads";
import { badRequest, forbidden, GraphError } from "../engine/graph-error";
import { conjunctEquals } from "../engine/odata-filter";
import { listRequests, type RequestCollection } from "../engine/request-collection";
import type { Route, RouteContext } from "../engine/routing";
import type { Caller } from "../engine/types";
import type { EmulatorState } from "../engine/state";
import { GOVERNANCE_REQUEST_FILTERABLE, GOVERNANCE_RESOURCE_FILTERABLE, governanceRequestView, governanceResourceView } from "./governance-views";
import { CANCELLABLE_GOVERNANCE_SUB_STATUSES, GOVERNANCE_SUB_STATUSES, governanceStatusOf, parseGovernanceSubStatus } from "./role-request-status";
import { hasAnyRole, PIM_ADMIN_ROLES } from "./roles";

/** §3 / seed 000: one delegated permission per provider, for the list and for cancel alike (no higher one). */
const PROVIDER_SCOPES: Readonly<Record<GovernanceProvider, string>> = {
  azureResources: "PrivilegedAccess.ReadWrite.AzureResources",
  aadroles: "PrivilegedAccess.ReadWrite.AzureAD",
  aadGroups: "PrivilegedAccess.ReadWrite.AzureADGroup",
};

/** The CSDL's top-level entity sets; the docs example's @odata.context names them, not the provider path. */
const REQUESTS_CONTEXT = "governanceRoleAssignmentRequests";
const RESOURCES_CONTEXT = "governanceResources";

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isPimAdmin = (caller: Caller) => hasAnyRole(caller, PIM_ADMIN_ROLES);

/** Seed 000's error table: both errors are 400, the code is the documented name (§9 A-1). */
const requestNotFound = () => new GraphError(400, "RoleAssignmentRequestNotFound", "The governanceRoleAssignmentRequest doesn't exist in system.");
const cannotCancel = () =>
  new GraphError(400, "RequestCannotBeCancelled", "Only requests in status of Granted, PendingApproval, PendingApprovalProvisioning and PendingAdminDecision can be canceled.");
/** **Inference**: the docs name no error for an unknown resource; we use the emulator's one 404 code. */
const resourceNotFound = (id: string) => new GraphError(404, "itemNotFound", `The governance resource '${id}' was not found.`);

function providerRequests(state: EmulatorState, provider: GovernanceProvider): Map<string, GovernanceRoleRequestRecord> {
  return new Map([...state.governanceRoleAssignmentRequests].filter(([, r]) => r.provider === provider));
}

/** Admins see every resource of the provider; others those where they have a request (a Provisioned one is their assignment). */
function resourceVisible(caller: Caller, state: EmulatorState, provider: GovernanceProvider): (resource: GovernanceResourceRecord) => boolean {
  if (isPimAdmin(caller)) return (resource) => resource.provider === provider;
  const mine = new Set([...providerRequests(state, provider).values()].filter((r) => sameId(r.subjectId, caller.oid)).map((r) => r.resourceId));
  return (resource) => resource.provider === provider && mine.has(resource.id);
}

/** The provider's resource named in the path; one the caller cannot see is "not found" too. */
function findResource(ctx: RouteContext, provider: GovernanceProvider, mustBeVisible: boolean): GovernanceResourceRecord {
  const id = ctx.params.resourceId ?? "";
  const resource = ctx.state.governanceResources.get(id) ?? ctx.state.governanceResources.get(id.toLowerCase());
  if (!resource || resource.provider !== provider || (mustBeVisible && !resourceVisible(ctx.caller, ctx.state, provider)(resource))) {
    throw resourceNotFound(id);
  }
  return resource;
}

function resourceRoutes(provider: GovernanceProvider, collection: RequestCollection<GovernanceRoleRequestRecord>): Route[] {
  const base = `privilegedAccess/${provider}/resources`;
  const scopes = [PROVIDER_SCOPES[provider]];
  return [
    {
      method: "GET",
      versions: ["beta"],
      path: base,
      scopes,
      handle: (ctx) =>
        listCollection(ctx, {
          records: ctx.state.governanceResources.values(),
          view: governanceResourceView,
          filterable: GOVERNANCE_RESOURCE_FILTERABLE,
          contextFragment: RESOURCES_CONTEXT,
          visible: resourceVisible(ctx.caller, ctx.state, provider),
        }),
    },
    { method: "GET", versions: ["beta"], path: `${base}/{resourceId}`, scopes, handle: (ctx) => entityResult(ctx, governanceResourceView, findResource(ctx, provider, true), RESOURCES_CONTEXT) },
    {
      method: "GET",
      versions: ["beta"],
      path: `${base}/{resourceId}/roleAssignmentRequests`,
      scopes,
      // §3: the caller must hold a role assignment on the resource; we read that as PIM admin (see roles.ts).
      handle(ctx) {
        const resource = findResource(ctx, provider, false);
        if (!isPimAdmin(ctx.caller)) throw forbidden();
        return listRequests(collection, ctx, REQUESTS_CONTEXT, (r) => r.resourceId === resource.id);
      },
    },
  ];
}

export function governanceRequestCollection(provider: GovernanceProvider): RequestCollection<GovernanceRoleRequestRecord> {
  const scope = PROVIDER_SCOPES[provider];
  const collection: RequestCollection<GovernanceRoleRequestRecord> = {
    name: "governanceRoleAssignmentRequests",
    paths: { beta: [`privilegedAccess/${provider}/roleAssignmentRequests`] },
    records: (state) => providerRequests(state, provider),
    view: () => governanceRequestView,
    filterable: () => GOVERNANCE_REQUEST_FILTERABLE,
    scopes: { read: [scope], cancel: () => [scope] },
    contextFragment: REQUESTS_CONTEXT,
    /**
     * §3 documents three queries and no unfiltered list: `subjectId eq '<me>'` (self-service, always allowed),
     * `resourceId eq '…'` and `status/subStatus eq '…'` (administrators). Someone else's subjectId needs the admin
     * role too. Without any of them: 400, like C's required filter (**inference**).
     */
    authorizeList(caller, filter) {
      const subjects = conjunctEquals(filter, "subjectId");
      const scoped = subjects.length + conjunctEquals(filter, "resourceId").length + conjunctEquals(filter, "status/subStatus").length;
      if (scoped === 0) throw badRequest("A filter on resourceId or subjectId is required, for example $filter=subjectId eq '{userId}'.");
      if (subjects.some((id) => sameId(id, caller.oid))) return (r) => sameId(r.subjectId, caller.oid) || isPimAdmin(caller);
      if (!isPimAdmin(caller)) throw forbidden();
      return () => true;
    },
    canRead: (caller, r) => sameId(r.subjectId, caller.oid) || isPimAdmin(caller),
    authorizeCancel(ctx, r) {
      if (!sameId(r.subjectId, ctx.caller.oid) && !isPimAdmin(ctx.caller)) throw forbidden();
    },
    isCancellable: (r) => CANCELLABLE_GOVERNANCE_SUB_STATUSES.includes(r.subStatus),
    cancel(r) {
      r.status = "Closed";
      r.subStatus = "Canceled";
    },
    cancelSuccessStatus: () => 204,
    setStatus(r, status) {
      const known = parseGovernanceSubStatus(status);
      if (!known) throw badRequest(`Unknown subStatus '${status}'; use one of: ${GOVERNANCE_SUB_STATUSES.join(", ")}.`);
      r.subStatus = known;
      r.status = governanceStatusOf(known);
    },
    statusOf: (r) => r.subStatus,
    // §9 A-1: "not found" is 400 here, for get and cancel alike (the docs name it for cancel; get is an inference).
    notFound: requestNotFound,
    notCancellable: cannotCancel,
    extraRoutes: () => resourceRoutes(provider, collection),
  };
  return collection;
}

export const GOVERNANCE_REQUEST_COLLECTIONS = GOVERNANCE_PROVIDERS.map(governanceRequestCollection);

/** The control endpoints see every provider's requests as one collection. */
export const ALL_GOVERNANCE_REQUESTS: RequestCollection<GovernanceRoleRequestRecord> = {
  ...GOVERNANCE_REQUEST_COLLECTIONS[0]!,
  records: (state) => state.governanceRoleAssignmentRequests,
};
