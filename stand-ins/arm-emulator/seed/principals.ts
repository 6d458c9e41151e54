// Who appears in requests: Contoso's people (stand-ins/demo-tenant.ts, same object ids as their tokens), one
// security group and one service principal, so every common principalType is rendered.

import { DEMO_PEOPLE, type DemoPerson } from "../../demo-tenant";
import { uuidFrom } from "../../graph-emulator/seed/seed-kit";
import type { ArmPrincipal } from "../model/records";

/** A Contoso person by the part of their sign-in name before the @ (e.g. "alex"). */
export function person(alias: string): DemoPerson {
  const found = DEMO_PEOPLE.find((p) => p.userPrincipalName.startsWith(`${alias}@`));
  if (!found) throw new Error(`No Contoso person '${alias}'.`);
  return found;
}

export const FINANCE_APPROVERS_GROUP: ArmPrincipal = {
  id: uuidFrom("arm:group:finance-approvers"),
  displayName: "Finance Approvers",
  email: null,
  type: "Group",
};

export const DEPLOY_PIPELINE_APP: ArmPrincipal = {
  id: uuidFrom("arm:service-principal:deploy-pipeline"),
  displayName: "contoso-deploy-pipeline",
  email: null,
  type: "ServicePrincipal",
};

export const SEED_PRINCIPALS: readonly ArmPrincipal[] = [
  ...DEMO_PEOPLE.map((p): ArmPrincipal => ({ id: p.oid, displayName: p.displayName, email: p.userPrincipalName, type: "User" })),
  FINANCE_APPROVERS_GROUP,
  DEPLOY_PIPELINE_APP,
];
