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

/** Entra role template ids the demo tenant module does not list (they only matter to the role rules below). */
export const MORE_ROLE_TEMPLATE_IDS = {
  securityReader: "5d6b6bb7-de71-4623-b4af-96380a352509",
  securityOperator: "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f",
  securityAdministrator: "194ae4cb-b126-40b2-bd5b-6091b380977d",
} as const;

/**
 * PIM administrators for categories A and B (contract §3 "at least one role assignment on the resource", §4 "at
 * least one role assignment"): we read both as Privileged Role Administrator or Global Administrator, the roles
 * that manage every PIM resource in the demo tenant.
 */
export const PIM_ADMIN_ROLES = [R.globalAdministrator, R.privilegedRoleAdministrator];

/**
 * Category E (contract §7): reading everyone's requests takes Global Reader, Security Operator, Security Reader,
 * Security Administrator or Privileged Role Administrator (Global Administrator holds them all); writing takes
 * Privileged Role Administrator (or Global Administrator).
 */
export const DIRECTORY_ROLE_READ_ROLES = [
  R.globalAdministrator,
  R.privilegedRoleAdministrator,
  R.globalReader,
  MORE_ROLE_TEMPLATE_IDS.securityOperator,
  MORE_ROLE_TEMPLATE_IDS.securityReader,
  MORE_ROLE_TEMPLATE_IDS.securityAdministrator,
];
export const DIRECTORY_ROLE_WRITE_ROLES = PIM_ADMIN_ROLES;
