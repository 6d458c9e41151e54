// The demo tenant shared by the two offline stand-ins: the identity provider signs these people in, and the
// Graph emulator seeds its directory with the same object ids, so a token's `oid` is a real user in the tenant.
// Production never imports this file; the app learns tenant, client id and cloud from its environment.

export const DEMO_TENANT_ID = "7c1f4e2a-5b8d-4f3e-9a61-2d0c8b3e4f10";
export const DEMO_TENANT_DOMAIN = "contoso.test";

/** The app registration the local identity provider knows (a public SPA client, PKCE). */
export const DEMO_CLIENT_ID = "5e3b2c1d-8a7f-4e6d-9c0b-1a2b3c4d5e6f";

export const DEMO_PASSWORD = "demo-password";

export const IDP_PORT = 4100;
export const GRAPH_EMULATOR_PORT = 4000;
export const APP_PORT = 3000;

/** Entra built-in role template ids, as they appear in a token's `wids` claim. */
export const ROLE_TEMPLATE_IDS = {
  globalAdministrator: "62e90394-69f5-4237-9190-012177145e10",
  privilegedRoleAdministrator: "e8611ab8-c189-46e8-94e1-60213ab1f814",
  identityGovernanceAdministrator: "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e",
  groupsAdministrator: "fdd7a751-b60b-444a-984c-02652fe8fa1c",
  userAdministrator: "fe930be7-5e62-47db-91af-98c3a49a38b1",
  directoryWriters: "9360feb5-f418-4baa-8175-e2a00bac4301",
  globalReader: "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
  // Every user holds this one; Entra puts it in `wids` too.
  defaultUser: "b79fbf4d-3ef9-4689-8143-76b194e85509",
} as const;

/**
 * Every delegated Graph permission the app registration may request. The identity provider grants a token the
 * requested scopes that appear here (Entra's "admin consent granted" for the registration), minus any a
 * person's `withheldScopes` names, which is how the tests prove what happens when a scope is not consented.
 */
export const GRAPH_DELEGATED_SCOPES = [
  "User.Read",
  "User.ReadBasic.All",
  "GroupMember.Read.All",
  "Group.Read.All",
  "Directory.Read.All",
  "PrivilegedAccess.ReadWrite.AzureResources",
  "PrivilegedAccess.ReadWrite.AzureAD",
  "PrivilegedAccess.ReadWrite.AzureADGroup",
  "PrivilegedAssignmentSchedule.Read.AzureADGroup",
  "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup",
  "PrivilegedEligibilitySchedule.Read.AzureADGroup",
  "PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup",
  "EntitlementManagement.Read.All",
  "EntitlementManagement.ReadWrite.All",
  "EntitlementMgmt-SubjectAccess.ReadWrite",
  "RoleAssignmentSchedule.Read.Directory",
  "RoleAssignmentSchedule.ReadWrite.Directory",
  "RoleEligibilitySchedule.Read.Directory",
  "RoleEligibilitySchedule.ReadWrite.Directory",
  "RoleManagement.ReadWrite.Directory",
] as const;

export type GraphDelegatedScope = (typeof GRAPH_DELEGATED_SCOPES)[number];

export interface DemoPerson {
  oid: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  /** Role template ids for the `wids` claim (besides the default user role). */
  directoryRoles: readonly string[];
  /** Only people with `canSignIn` get past the identity provider's sign-in page. */
  canSignIn: boolean;
  /** Scopes this person's token never carries even when requested (consent not granted). */
  withheldScopes?: readonly GraphDelegatedScope[];
}

export const ADMIN: DemoPerson = {
  oid: "a1d5e1e0-0001-4a6e-8f00-00000000ad01",
  userPrincipalName: "admin@contoso.test",
  displayName: "Adele Vance",
  givenName: "Adele",
  surname: "Vance",
  jobTitle: "Identity Administrator",
  directoryRoles: [ROLE_TEMPLATE_IDS.privilegedRoleAdministrator, ROLE_TEMPLATE_IDS.identityGovernanceAdministrator],
  canSignIn: true,
};

export const MEGAN: DemoPerson = {
  oid: "b2e6f2f1-0002-4b7f-9011-00000000be02",
  userPrincipalName: "megan@contoso.test",
  displayName: "Megan Bowen",
  givenName: "Megan",
  surname: "Bowen",
  jobTitle: "Marketing Manager",
  directoryRoles: [],
  canSignIn: true,
};

/**
 * A second administrator whose consent lacks one scope (directory-role eligibility), so the demo and the tests can
 * show how Request Desk explains a permission that was not granted.
 */
export const LEE: DemoPerson = {
  oid: "c3f70302-0010-4c80-a122-0000000c0010",
  userPrincipalName: "lee@contoso.test",
  displayName: "Lee Gu",
  givenName: "Lee",
  surname: "Gu",
  jobTitle: "Director",
  directoryRoles: [ROLE_TEMPLATE_IDS.privilegedRoleAdministrator, ROLE_TEMPLATE_IDS.identityGovernanceAdministrator],
  canSignIn: true,
  withheldScopes: ["RoleEligibilitySchedule.ReadWrite.Directory", "RoleEligibilitySchedule.Read.Directory"],
};

/** Colleagues who appear in requests; they exist in the directory but do not sign in to the demo. */
const COLLEAGUES: ReadonlyArray<Omit<DemoPerson, "directoryRoles" | "canSignIn">> = [
  { oid: "c3f70302-0003-4c80-a122-0000000c0003", userPrincipalName: "alex@contoso.test", displayName: "Alex Wilber", givenName: "Alex", surname: "Wilber", jobTitle: "Marketing Assistant" },
  { oid: "c3f70302-0004-4c80-a122-0000000c0004", userPrincipalName: "diego@contoso.test", displayName: "Diego Siciliani", givenName: "Diego", surname: "Siciliani", jobTitle: "HR Manager" },
  { oid: "c3f70302-0005-4c80-a122-0000000c0005", userPrincipalName: "lynne@contoso.test", displayName: "Lynne Robbins", givenName: "Lynne", surname: "Robbins", jobTitle: "Planner" },
  { oid: "c3f70302-0006-4c80-a122-0000000c0006", userPrincipalName: "isaiah@contoso.test", displayName: "Isaiah Langer", givenName: "Isaiah", surname: "Langer", jobTitle: "Sales Rep" },
  { oid: "c3f70302-0007-4c80-a122-0000000c0007", userPrincipalName: "nestor@contoso.test", displayName: "Nestor Wilke", givenName: "Nestor", surname: "Wilke", jobTitle: "Director of Operations" },
  { oid: "c3f70302-0008-4c80-a122-0000000c0008", userPrincipalName: "joni@contoso.test", displayName: "Joni Sherman", givenName: "Joni", surname: "Sherman", jobTitle: "Paralegal" },
  { oid: "c3f70302-0009-4c80-a122-0000000c0009", userPrincipalName: "grady@contoso.test", displayName: "Grady Archie", givenName: "Grady", surname: "Archie", jobTitle: "Designer" },
  { oid: "c3f70302-0011-4c80-a122-0000000c0011", userPrincipalName: "pradeep@contoso.test", displayName: "Pradeep Gupta", givenName: "Pradeep", surname: "Gupta", jobTitle: "Accountant" },
  { oid: "c3f70302-0012-4c80-a122-0000000c0012", userPrincipalName: "johanna@contoso.test", displayName: "Johanna Lorenz", givenName: "Johanna", surname: "Lorenz", jobTitle: "Senior Engineer" },
];

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  ADMIN,
  MEGAN,
  LEE,
  ...COLLEAGUES.map((c) => ({ ...c, directoryRoles: [] as const, canSignIn: false })),
];

/** The accounts a person can sign in with, for the sign-in page, the README and the tests. */
export const DEMO_ACCOUNTS = DEMO_PEOPLE.filter((p) => p.canSignIn);
