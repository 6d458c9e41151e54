// The demo tenant shared by the two offline stand-ins: the identity provider signs these people in, and the
// Graph emulator seeds its directory with the same object ids, so a token's `oid` is a real user in the tenant.
// Production never imports this file; the app learns tenant, client id and cloud from its environment.

export const DEMO_TENANT_ID = "7c1f4e2a-5b8d-4f3e-9a61-2d0c8b3e4f10";
export const DEMO_TENANT_DOMAIN = "contoso.test";

/**
 * A second tenant that signed up for Request Desk today: its administrators granted the app nothing but `User.Read`
 * (what a first sign-in consents to), so everything else needs admin consent. Its directory holds one administrator
 * and no requests yet.
 */
export const FABRIKAM_TENANT_ID = "2b9d6c41-7e3a-4c58-8f12-9a0e4d6b7c21";
export const FABRIKAM_TENANT_DOMAIN = "fabrikam.test";

/** The app registration the local identity provider knows (a public SPA client, PKCE). */
export const DEMO_CLIENT_ID = "5e3b2c1d-8a7f-4e6d-9c0b-1a2b3c4d5e6f";

export const DEMO_PASSWORD = "demo-password";

export const IDP_PORT = 4100;
export const GRAPH_EMULATOR_PORT = 4000;
export const ARM_EMULATOR_PORT = 4200;
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

/**
 * Directory roles that may grant tenant-wide admin consent to Microsoft Graph delegated permissions (Entra: Global
 * Administrator, or Privileged Role Administrator; Cloud Application Administrators cannot for Graph).
 */
export const CONSENT_ADMIN_ROLE_IDS: readonly string[] = [ROLE_TEMPLATE_IDS.globalAdministrator, ROLE_TEMPLATE_IDS.privilegedRoleAdministrator];

/** A tenant the identity provider knows, and what its administrators consented to for the app (AllPrincipals). */
export interface DemoTenant {
  id: string;
  domain: string;
  displayName: string;
  /** Tenant-wide admin consent (`consentType: AllPrincipals`) at start and after a reset. */
  adminConsentedScopes: readonly GraphDelegatedScope[];
}

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
  /** The person's home tenant; Contoso (`DEMO_TENANT_ID`) when absent. */
  tenantId?: string;
  /**
   * Delegated permissions an administrator granted for this person alone (`consentType: Principal`), on top of the
   * tenant-wide grants, at start and after a reset.
   */
  userConsentedScopes?: readonly GraphDelegatedScope[];
}

/**
 * Permissions that let one list directory-role eligibility requests (RoleManagement.ReadWrite.Directory covers them
 * too): Contoso granted them per person (Adele and Megan, below), never tenant-wide, so Lee has none of them.
 */
const ROLE_ELIGIBILITY_SCOPES = ["RoleEligibilitySchedule.Read.Directory", "RoleEligibilitySchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory"] as const;

export const ADMIN: DemoPerson = {
  oid: "a1d5e1e0-0001-4a6e-8f00-00000000ad01",
  userPrincipalName: "admin@contoso.test",
  displayName: "Adele Vance",
  givenName: "Adele",
  surname: "Vance",
  jobTitle: "Identity Administrator",
  directoryRoles: [ROLE_TEMPLATE_IDS.privilegedRoleAdministrator, ROLE_TEMPLATE_IDS.identityGovernanceAdministrator],
  canSignIn: true,
  userConsentedScopes: ROLE_ELIGIBILITY_SCOPES,
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
  userConsentedScopes: ROLE_ELIGIBILITY_SCOPES,
};

/**
 * A second administrator for whom directory-role eligibility was never consented (Contoso granted it per person, to
 * Adele and Megan only), so the demo and the tests can show how Request Desk explains a permission that was not
 * granted.
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

/** Fabrikam's Global Administrator: the first person of a tenant that has granted the app only `User.Read`. */
export const PATTI: DemoPerson = {
  oid: "d4081413-0001-4d91-b233-0000000fa001",
  userPrincipalName: "admin@fabrikam.test",
  displayName: "Patti Fernandez",
  givenName: "Patti",
  surname: "Fernandez",
  jobTitle: "IT Administrator",
  directoryRoles: [ROLE_TEMPLATE_IDS.globalAdministrator],
  canSignIn: true,
  tenantId: FABRIKAM_TENANT_ID,
};

/** Fabrikam's directory (the Graph emulator serves it to tokens whose `tid` is Fabrikam's). */
export const FABRIKAM_PEOPLE: readonly DemoPerson[] = [PATTI];

/** Contoso granted every permission tenant-wide but the directory-role eligibility ones (granted per person above). */
export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    id: DEMO_TENANT_ID,
    domain: DEMO_TENANT_DOMAIN,
    displayName: "Contoso",
    adminConsentedScopes: GRAPH_DELEGATED_SCOPES.filter((s) => !(ROLE_ELIGIBILITY_SCOPES as readonly string[]).includes(s)),
  },
  { id: FABRIKAM_TENANT_ID, domain: FABRIKAM_TENANT_DOMAIN, displayName: "Fabrikam", adminConsentedScopes: ["User.Read"] },
];

/** Everyone in every tenant, for the identity provider. */
export const ALL_DEMO_PEOPLE: readonly DemoPerson[] = [...DEMO_PEOPLE, ...FABRIKAM_PEOPLE];

export function tenantOf(person: Pick<DemoPerson, "tenantId">): DemoTenant {
  return DEMO_TENANTS.find((t) => t.id === (person.tenantId ?? DEMO_TENANT_ID))!;
}

/** The accounts a person can sign in with, for the sign-in page, the README and the tests. */
export const DEMO_ACCOUNTS = ALL_DEMO_PEOPLE.filter((p) => p.canSignIn);

/**
 * Azure Resource Manager, the second API the app calls (Azure resource role requests): its audience on the global
 * cloud, and the one delegated permission Entra's "Azure Service Management" API exposes. The identity provider
 * can be told another audience (a sovereign cloud's, or a demo's) with its `armResource` option.
 */
export const ARM_RESOURCE = "https://management.azure.com";
export const ARM_DELEGATED_SCOPES = ["user_impersonation"] as const;

export type ArmDelegatedScope = (typeof ARM_DELEGATED_SCOPES)[number];

/**
 * Tenants whose administrators granted the app ARM's `user_impersonation` for everyone (AllPrincipals), at start and
 * after a reset. Contoso did; Fabrikam granted nothing but Graph's `User.Read`, so ARM needs admin consent there.
 */
export const ARM_ADMIN_CONSENTED_TENANTS: readonly string[] = [DEMO_TENANT_ID];
