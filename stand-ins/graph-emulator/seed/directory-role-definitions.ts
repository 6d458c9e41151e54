// Entra built-in roles (unifiedRoleDefinition) served under /roleManagement/directory/roleDefinitions and expanded
// as E's `roleDefinition`. Ids are the real template ids; descriptions are our own short summaries.

import type { DirectoryRoleDefinitionRecord } from "../model-roles";

const BUILT_IN = "2016-01-01T00:00:00.000Z";

// prettier-ignore
export const DIRECTORY_ROLE_DEFINITIONS: readonly DirectoryRoleDefinitionRecord[] = [
  { id: "62e90394-69f5-4237-9190-012177145e10", displayName: "Global Administrator", description: "Manages every part of the directory and the services that rely on it.", isPrivileged: true, createdDateTime: BUILT_IN },
  { id: "e8611ab8-c189-46e8-94e1-60213ab1f814", displayName: "Privileged Role Administrator", description: "Manages role assignments and Privileged Identity Management.", isPrivileged: true, createdDateTime: BUILT_IN },
  { id: "f2ef992c-3afb-46b9-b7cf-a126ee74c451", displayName: "Global Reader", description: "Reads everything a Global Administrator can, without changing anything.", isPrivileged: true, createdDateTime: BUILT_IN },
  { id: "194ae4cb-b126-40b2-bd5b-6091b380977d", displayName: "Security Administrator", description: "Manages security settings, policies and reports.", isPrivileged: true, createdDateTime: BUILT_IN },
  { id: "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f", displayName: "Security Operator", description: "Investigates and responds to security alerts.", isPrivileged: true, createdDateTime: BUILT_IN },
  { id: "5d6b6bb7-de71-4623-b4af-96380a352509", displayName: "Security Reader", description: "Reads security information and reports.", isPrivileged: true, createdDateTime: BUILT_IN },
  { id: "fe930be7-5e62-47db-91af-98c3a49a38b1", displayName: "User Administrator", description: "Creates and manages users and groups, and resets some passwords.", isPrivileged: true, createdDateTime: BUILT_IN },
  { id: "fdd7a751-b60b-444a-984c-02652fe8fa1c", displayName: "Groups Administrator", description: "Manages groups and group settings.", isPrivileged: false, createdDateTime: BUILT_IN },
  { id: "29232cdf-9323-42fd-ade2-1d097af3e4de", displayName: "Exchange Administrator", description: "Manages the Exchange Online service.", isPrivileged: false, createdDateTime: BUILT_IN },
  { id: "58a13ea3-c632-46ae-9ee0-9c0d43cd7f3d", displayName: "Attribute Assignment Administrator", description: "Assigns custom security attribute values to directory objects.", isPrivileged: false, createdDateTime: BUILT_IN },
  { id: "729827e3-9c14-49f7-bb1b-9608f156bbb8", displayName: "Helpdesk Administrator", description: "Resets passwords for non-administrators and Helpdesk Administrators.", isPrivileged: true, createdDateTime: BUILT_IN },
  { id: "4a5d8f65-41da-4de4-8968-e035b65339cf", displayName: "Reports Reader", description: "Reads usage and sign-in reports.", isPrivileged: false, createdDateTime: BUILT_IN },
  { id: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", displayName: "Directory Readers", description: "Reads basic directory information.", isPrivileged: false, createdDateTime: BUILT_IN },
  { id: "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e", displayName: "Identity Governance Administrator", description: "Manages access reviews, entitlement management and lifecycle workflows.", isPrivileged: false, createdDateTime: BUILT_IN },
];

export function directoryRoleId(displayName: string): string {
  const role = DIRECTORY_ROLE_DEFINITIONS.find((r) => r.displayName === displayName);
  if (!role) throw new Error(`No directory role ${displayName}`);
  return role.id;
}
