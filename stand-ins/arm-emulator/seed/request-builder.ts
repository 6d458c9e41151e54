// Builds seeded requests from short specs, filling in what follows from the request type and status the way PIM
// fills it in: activations last hours (AfterDuration PT8H) and name the eligibility they use; admin assignments
// run to a date or a year; approved requests (Granted, AdminApproved) start after the reference day; requests that
// went through approval carry an approvalId; provisioned ones name their schedule instance. Dates are relative to
// the seed's reference day (graph-emulator seed-kit), so the demo reads like a live tenant on any day.

import { ADMIN } from "../../demo-tenant";
import { daysAgo, daysAhead, plusHours, uuidFrom } from "../../graph-emulator/seed/seed-kit";
import type { ArmRequestRecord, ExpirationType, RequestType } from "../model/records";
import type { RequestKind } from "../model/request-kinds";
import type { ArmRequestStatus } from "../model/statuses";
import { person } from "./principals";
import { ROLE_IDS, type RoleKey } from "./role-definitions";
import { ARM_SCOPES, type ScopeKey } from "./scopes-seed";

export interface RequestSpec {
  /** Unique per kind; the request's GUID derives from it. */
  key: string;
  kind: RequestKind;
  scope: ScopeKey;
  role: RoleKey;
  principalId: string;
  requestType: RequestType;
  status: ArmRequestStatus;
  /** Days before the reference day (fractions allowed). */
  createdDaysAgo: number;
  /** Default: the principal for self-service types, else Nestor (Owner of Contoso Root). */
  requestorId?: string;
  justification?: string | null;
  ticket?: { number: string; system: string };
  /** An ABAC condition (only meaningful on storage data roles, as in the spec example). */
  condition?: boolean;
  expiration?: ExpirationType;
  /** Default: who approves at that scope (approversFor), for self-service types; none for admin ones. */
  approverIds?: readonly string[];
}

const APPROVAL_STATUSES: ReadonlySet<ArmRequestStatus> = new Set<ArmRequestStatus>([
  "PendingApproval",
  "PendingApprovalProvisioning",
  "PendingAdminDecision",
  "AdminApproved",
  "AdminDenied",
  "Granted",
  "Denied",
  "TimedOut",
]);
const INSTANTIATED: ReadonlySet<ArmRequestStatus> = new Set<ArmRequestStatus>(["Provisioned", "ScheduleCreated", "PendingRevocation", "Revoked"]);

/** Who approves requests at a scope: Pradeep in Finance Restricted, Adele where she is Owner, else Nestor. */
export function approversFor(scope: ScopeKey): string[] {
  const id = ARM_SCOPES[scope];
  if (id.startsWith(ARM_SCOPES.financeRestricted)) return [person("pradeep").oid];
  const adeleOwns = [ARM_SCOPES.contosoProduction, ARM_SCOPES.contosoDevelopment, ARM_SCOPES.marketingAnalytics, ARM_SCOPES.productionGroup];
  if (adeleOwns.some((owned) => id.startsWith(owned))) return [ADMIN.oid];
  return [person("nestor").oid];
}

const SAMPLE_CONDITION =
  "((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEqualsIgnoreCase 'campaign-exports'))";

function expirationFor(spec: RequestSpec, start: string): ArmRequestRecord["expiration"] {
  const self = spec.requestType.startsWith("Self");
  // Activations last hours; an eligibility assigned by an admin lasts a year (P365D, as in the spec's example).
  const byDuration = spec.kind === "assignment" ? self : spec.requestType === "AdminAssign";
  const removal = spec.requestType === "AdminRemove" || spec.requestType === "SelfDeactivate";
  const type: ExpirationType = spec.expiration ?? (removal ? "NoExpiration" : byDuration ? "AfterDuration" : "AfterDateTime");
  if (type === "NoExpiration") return { type, endDateTime: null, duration: null };
  if (type === "AfterDuration") return { type, endDateTime: null, duration: spec.kind === "assignment" ? "PT8H" : "P365D" };
  return { type, endDateTime: plusHours(start, (spec.kind === "assignment" ? 90 : 180) * 24), duration: null };
}

export function buildRequest(spec: RequestSpec): ArmRequestRecord {
  const self = spec.requestType.startsWith("Self");
  const createdOn = daysAgo(spec.createdDaysAgo);
  const start = spec.status === "Granted" || spec.status === "AdminApproved" ? daysAhead(1 + (spec.key.length % 3)) : createdOn;
  const approverIds = (spec.approverIds ?? (self ? approversFor(spec.scope) : [])).filter((id) => id !== spec.principalId);
  const id = (what: string) => uuidFrom(`arm:${spec.kind}:${spec.key}:${what}`);
  return {
    kind: spec.kind,
    name: id("request"),
    scopeId: ARM_SCOPES[spec.scope],
    roleGuid: ROLE_IDS[spec.role],
    principalId: spec.principalId,
    requestType: spec.requestType,
    status: spec.status,
    approvalId: approverIds.length > 0 && APPROVAL_STATUSES.has(spec.status) ? id("approval") : null,
    approverIds,
    startDateTime: start,
    expiration: expirationFor(spec, start),
    justification: spec.justification === undefined ? null : spec.justification,
    ticketNumber: spec.ticket?.number ?? null,
    ticketSystem: spec.ticket?.system ?? null,
    condition: spec.condition ? SAMPLE_CONDITION : null,
    conditionVersion: spec.condition ? "2.0" : null,
    createdOn,
    requestorId: spec.requestorId ?? (self ? spec.principalId : person("nestor").oid),
    linkedRoleEligibilityScheduleId: spec.kind === "assignment" && spec.requestType === "SelfActivate" ? id("eligibility-schedule") : null,
    targetScheduleId: id("schedule"),
    targetScheduleInstanceId: INSTANTIATED.has(spec.status) ? id("schedule-instance") : null,
  };
}
