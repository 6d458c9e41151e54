// A stored request in ARM's wire shape, key for key as the spec's examples (shared/arm-examples, checked by
// example-shapes.test.ts): `id`, `name`, `type`, and `properties` with `expandedProperties {scope, roleDefinition,
// principal}` so the client needs no directory look-up (contract "Entity").

import type { ArmDirectory } from "./directory";
import type { ArmRequestRecord } from "./records";
import type { RequestKindInfo } from "./request-kinds";

/** The request's full resource id: its scope, then the collection as the spec example cases it, then its name. */
export function requestId(record: Pick<ArmRequestRecord, "scopeId" | "name">, kind: RequestKindInfo): string {
  const scope = record.scopeId === "/" ? "" : record.scopeId;
  return `${scope}/providers/Microsoft.Authorization/${kind.resourceType}/${record.name}`;
}

/**
 * Built-in role definitions are addressed under the subscription of the scope (as in the spec example), and at the
 * tenant level for management group scopes.
 */
export function roleDefinitionId(directory: ArmDirectory, scopeId: string, roleGuid: string): string {
  const subscription = directory.tree.subscriptionOf(scopeId);
  return `${subscription ? subscription.id : ""}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}

export function renderRequest(record: ArmRequestRecord, kind: RequestKindInfo, directory: ArmDirectory) {
  const scope = directory.tree.find(record.scopeId);
  const role = directory.role(record.roleGuid);
  const principal = directory.principal(record.principalId);
  const roleId = roleDefinitionId(directory, record.scopeId, record.roleGuid);
  return {
    properties: {
      [kind.targetScheduleKey]: record.targetScheduleId,
      [kind.targetInstanceKey]: record.targetScheduleInstanceId,
      scope: scope?.id ?? record.scopeId,
      roleDefinitionId: roleId,
      principalId: record.principalId,
      principalType: principal?.type ?? "User",
      requestType: record.requestType,
      status: record.status,
      approvalId: record.approvalId,
      scheduleInfo: {
        startDateTime: record.startDateTime,
        expiration: { type: record.expiration.type, endDateTime: record.expiration.endDateTime, duration: record.expiration.duration },
      },
      ticketInfo: { ticketNumber: record.ticketNumber, ticketSystem: record.ticketSystem },
      justification: record.justification,
      requestorId: record.requestorId,
      createdOn: record.createdOn,
      condition: record.condition,
      conditionVersion: record.conditionVersion,
      // The spec defines this for assignment requests only (an activation names the eligibility it used).
      ...(kind.kind === "assignment" ? { linkedRoleEligibilityScheduleId: record.linkedRoleEligibilityScheduleId } : {}),
      expandedProperties: {
        scope: { id: scope?.id ?? record.scopeId, displayName: scope?.displayName ?? record.scopeId, type: scope?.type ?? "resource" },
        roleDefinition: { id: roleId, displayName: role?.displayName ?? record.roleGuid, type: "BuiltInRole" },
        principal: {
          id: record.principalId,
          displayName: principal?.displayName ?? record.principalId,
          email: principal?.email ?? null,
          type: principal?.type ?? "User",
        },
      },
    },
    name: record.name,
    id: requestId(record, kind),
    type: `Microsoft.Authorization/${kind.resourceType}`,
  };
}
