// Which Entra roles (token `wids`) let a delegated caller act on other people's requests.

import { ROLE_TEMPLATE_IDS as R } from "../../demo-tenant";
import type { GroupRecord } from "../model";
import type { Caller } from "../engine/types";

export function hasAnyRole(caller: Caller, roleTemplateIds: readonly string[]): boolean {
  return roleTemplateIds.some((id) => caller.roleTemplateIds.has(id));
}

/**
 * PIM for Groups (contract §5, rbac-pim-groups include): role-assignable groups need Privileged Role Administrator;
 * other groups accept Directory Writers, Groups Administrator, Identity Governance Administrator or User
 * Administrator too. Global Administrator can do both. Group owners manage their own group's requests.
 */
const ROLE_ASSIGNABLE_GROUP_ROLES = [R.globalAdministrator, R.privilegedRoleAdministrator];
export const GROUP_ADMIN_ROLES = [
  ...ROLE_ASSIGNABLE_GROUP_ROLES,
  R.identityGovernanceAdministrator,
  R.groupsAdministrator,
  R.userAdministrator,
  R.directoryWriters,
];

export function canManageGroup(caller: Caller, group: GroupRecord | undefined): boolean {
  if (group?.ownerIds.includes(caller.oid)) return true;
  return hasAnyRole(caller, group?.isAssignableToRole ? ROLE_ASSIGNABLE_GROUP_ROLES : GROUP_ADMIN_ROLES);
}

/** Entitlement management (contract §6): the admin list and cancelling others' requests. */
export const ENTITLEMENT_ADMIN_ROLES = [R.globalAdministrator, R.identityGovernanceAdministrator];
