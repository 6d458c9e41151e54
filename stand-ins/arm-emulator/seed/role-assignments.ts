// Active RBAC role assignments (inherited downwards). The shape the tests and the demo rely on:
// - Adele: Owner of the Production management group (so of Contoso Production and Contoso Development), Owner of
//   Contoso Production and Marketing Analytics directly, Reader of Contoso Sandbox, and nothing at all in Finance
//   Restricted (it is not in her /subscriptions; listing there is refused) nor at Contoso Root.
// - Megan: no role anywhere (self-service only: her own requests with asTarget()).
// - Lee: Reader of Marketing Analytics (may list there, may not cancel).
// - Colleagues: Nestor Owner of Contoso Root (sees everything), Pradeep User Access Administrator of Finance
//   Restricted, and a few narrower roles.

import { ADMIN, LEE } from "../../demo-tenant";
import type { RoleAssignment } from "../model/records";
import { person } from "./principals";
import { ROLE_IDS } from "./role-definitions";
import { ARM_SCOPES as S } from "./scopes-seed";

export const SEED_ROLE_ASSIGNMENTS: readonly RoleAssignment[] = [
  { principalId: ADMIN.oid, roleGuid: ROLE_IDS.owner, scopeId: S.productionGroup },
  { principalId: ADMIN.oid, roleGuid: ROLE_IDS.owner, scopeId: S.contosoProduction },
  { principalId: ADMIN.oid, roleGuid: ROLE_IDS.owner, scopeId: S.marketingAnalytics },
  { principalId: ADMIN.oid, roleGuid: ROLE_IDS.reader, scopeId: S.contosoSandbox },
  { principalId: LEE.oid, roleGuid: ROLE_IDS.reader, scopeId: S.marketingAnalytics },
  { principalId: person("nestor").oid, roleGuid: ROLE_IDS.owner, scopeId: S.rootGroup },
  { principalId: person("pradeep").oid, roleGuid: ROLE_IDS.userAccessAdministrator, scopeId: S.financeRestricted },
  { principalId: person("johanna").oid, roleGuid: ROLE_IDS.contributor, scopeId: S.rgPayments },
  { principalId: person("lynne").oid, roleGuid: ROLE_IDS.virtualMachineContributor, scopeId: S.contosoDevelopment },
  { principalId: person("diego").oid, roleGuid: ROLE_IDS.storageBlobDataReader, scopeId: S.paymentsStorage },
  { principalId: person("alex").oid, roleGuid: ROLE_IDS.keyVaultSecretsUser, scopeId: S.paymentsKeyVault },
];
