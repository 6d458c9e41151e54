// Named requests for end-to-end tests (like the Graph emulator's SEED_LANDMARKS): what each one is, where it is,
// and the names the UI shows, so a test can find the row and the call it should make without repeating the seed.

import { DEMO_PEOPLE } from "../../demo-tenant";
import { kindInfo, type RequestKind } from "../model/request-kinds";
import { requestId } from "../model/render";
import type { ArmRequestStatus } from "../model/statuses";
import { LANDMARK_NAMES, landmarkSpec, type LandmarkName } from "./landmark-requests";
import { buildRequest } from "./request-builder";
import { ROLE_DEFINITIONS } from "./role-definitions";
import { SEED_SCOPES } from "./scopes-seed";

export interface ArmLandmark {
  kind: RequestKind;
  /** The request's GUID. */
  name: string;
  /** Its full resource id (scope + provider path + name). */
  id: string;
  /** Its scope id, e.g. "/subscriptions/<id>/resourceGroups/rg-marketing-campaigns". */
  scope: string;
  scopeDisplayName: string;
  status: ArmRequestStatus;
  principalId: string;
  principalDisplayName: string;
  roleDisplayName: string;
  justification: string | null;
}

function landmark(kind: RequestKind, which: LandmarkName): ArmLandmark {
  const record = buildRequest(landmarkSpec(kind, which));
  return {
    kind,
    name: record.name,
    id: requestId(record, kindInfo(kind)),
    scope: record.scopeId,
    scopeDisplayName: SEED_SCOPES.find((s) => s.id === record.scopeId)!.displayName,
    status: record.status,
    principalId: record.principalId,
    principalDisplayName: DEMO_PEOPLE.find((p) => p.oid === record.principalId)!.displayName,
    roleDisplayName: ROLE_DEFINITIONS.find((r) => r.guid === record.roleGuid)!.displayName,
    justification: record.justification,
  };
}

const landmarksOf = (kind: RequestKind) =>
  Object.fromEntries(LANDMARK_NAMES.map((name) => [name, landmark(kind, name)])) as Record<LandmarkName, ArmLandmark>;

/** `SEED_LANDMARKS.assignment.meganCancellable`, `SEED_LANDMARKS.eligibility.restrictedCancellable`, … */
export const SEED_LANDMARKS: Record<RequestKind, Record<LandmarkName, ArmLandmark>> = {
  assignment: landmarksOf("assignment"),
  eligibility: landmarksOf("eligibility"),
};
