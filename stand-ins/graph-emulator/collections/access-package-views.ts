// Category D entity shapes (contract §6): one stored record rendered as the v1.0 type (state/status enum + text,
// completedDateTime, navs accessPackage/requestor/assignment) or the beta type (requestState/requestStatus
// strings, completedDate, navs accessPackage/accessPackageAssignment/requestor).

import type { AccessPackageRequestRecord, GraphVersion } from "../model";
import type { FilterableProperties } from "../engine/odata-filter";
import { navigation, type EntityView, type RenderContext } from "../engine/render";
import { betaStateOf, betaStatusOf } from "./access-package-status";
import { accessPackageView, subjectView } from "./directory-views";

const pascal = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** The assignment a delivered request produced; rendered from the request record itself. */
const assignmentView: EntityView<AccessPackageRequestRecord> = {
  typeName: "accessPackageAssignment",
  render: (r, ctx) => {
    const state = r.state === "delivered" || r.state === "partiallyDelivered" ? "delivered" : "delivering";
    const common = { id: r.assignmentId, targetId: r.targetSubjectId, expiredDateTime: null, schedule: structuredClone(r.schedule) };
    return ctx.version === "beta"
      ? { ...common, accessPackageId: r.accessPackageId, assignmentState: pascal(state), assignmentStatus: pascal(state), catalogId: ctx.state.accessPackages.get(r.accessPackageId)?.catalogId ?? null, isExtended: false }
      : { ...common, state, status: pascal(state) };
  },
};

const packageNav = navigation(() => accessPackageView, (r: AccessPackageRequestRecord, ctx: RenderContext) => ctx.state.accessPackages.get(r.accessPackageId));
const requestorNav = navigation(() => subjectView, (r: AccessPackageRequestRecord, ctx: RenderContext) => ctx.state.subjects.get(r.targetSubjectId));
const assignmentNav = navigation(() => assignmentView, (r: AccessPackageRequestRecord) => (r.assignmentId ? r : null));

const v1View: EntityView<AccessPackageRequestRecord> = {
  typeName: "accessPackageAssignmentRequest",
  render: (r) => ({
    id: r.id,
    requestType: r.requestType,
    state: r.state,
    status: r.status,
    createdDateTime: r.createdDateTime,
    completedDateTime: r.completedDateTime,
    justification: r.justification,
    schedule: structuredClone(r.schedule),
    answers: [],
    customExtensionCalloutInstances: [],
  }),
  navigations: { accessPackage: packageNav, requestor: requestorNav, assignment: assignmentNav },
};

const betaView: EntityView<AccessPackageRequestRecord> = {
  typeName: "accessPackageAssignmentRequest",
  render: (r) => ({
    id: r.id,
    requestType: pascal(r.requestType),
    requestState: betaStateOf(r.state),
    requestStatus: betaStatusOf(r.status),
    createdDateTime: r.createdDateTime,
    completedDate: r.completedDateTime,
    expirationDateTime: null,
    isValidationOnly: false,
    justification: r.justification,
    schedule: structuredClone(r.schedule),
    answers: [],
    customExtensionCalloutInstances: [],
    customExtensionHandlerInstances: [],
    history: [],
    verifiedCredentialsData: [],
  }),
  navigations: { accessPackage: packageNav, accessPackageAssignment: assignmentNav, requestor: requestorNav },
};

export const accessPackageRequestView = (version: GraphVersion) => (version === "beta" ? betaView : v1View);

const common: FilterableProperties<AccessPackageRequestRecord> = {
  id: { type: "string", get: (r) => r.id },
  requestType: { type: "string", get: (r) => r.requestType },
  createdDateTime: { type: "datetime", get: (r) => r.createdDateTime },
  "accessPackage/id": { type: "string", get: (r) => r.accessPackageId },
};

export function accessPackageRequestFilterable(version: GraphVersion): FilterableProperties<AccessPackageRequestRecord> {
  return version === "beta"
    ? {
        ...common,
        requestState: { type: "string", get: (r) => betaStateOf(r.state) },
        requestStatus: { type: "string", get: (r) => betaStatusOf(r.status) },
        completedDate: { type: "datetime", get: (r) => r.completedDateTime },
      }
    : {
        ...common,
        state: { type: "string", get: (r) => r.state },
        status: { type: "string", get: (r) => r.status },
        completedDateTime: { type: "datetime", get: (r) => r.completedDateTime },
      };
}
