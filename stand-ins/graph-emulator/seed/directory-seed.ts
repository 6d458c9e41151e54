// The seeded directory: the demo people (stand-ins/demo-tenant.ts), the groups governed by PIM for Groups (security
// groups and one Microsoft 365 group), and the entitlement-management catalogue. Megan owns no group on purpose:
// owning one would let her list that group's requests, and the app decides whether to offer "All requests" by
// probing the first few groups.

import { ADMIN, DEMO_PEOPLE, DEMO_TENANT_DOMAIN, type DemoPerson } from "../../demo-tenant";
import type { AccessPackageRecord, CatalogRecord, GroupRecord, SubjectRecord, TenantDirectory, UserRecord } from "../model";
import { daysAgo, uuidFrom } from "./seed-kit";

const oid = (userPrincipalName: string): string => {
  const person = DEMO_PEOPLE.find((p) => p.userPrincipalName === userPrincipalName);
  if (!person) throw new Error(`No demo person ${userPrincipalName}`);
  return person.oid;
};

interface GroupSpec {
  key: string;
  displayName: string;
  description: string;
  mailEnabled: boolean;
  isAssignableToRole: boolean;
  owners: string[];
  ageDays: number;
  /**
   * A Microsoft 365 group (groupTypes ["Unified"]) rather than a security group. PIM for Groups governs both; a
   * Microsoft 365 group is mail-enabled and, unless created security-enabled, has securityEnabled false.
   */
  microsoft365?: boolean;
}

// prettier-ignore
const GROUP_SPECS: readonly GroupSpec[] = [
  { key: "finance-approvers", displayName: "Finance Approvers", description: "Approves supplier invoices and journal adjustments.", mailEnabled: false, isAssignableToRole: false, owners: ["nestor@contoso.test"], ageDays: 690 },
  { key: "sql-admins", displayName: "Contoso SQL Admins (PIM)", description: "Administrators of the production SQL managed instances.", mailEnabled: false, isAssignableToRole: false, owners: ["johanna@contoso.test"], ageDays: 655 },
  { key: "helpdesk-tier-2", displayName: "Helpdesk Tier 2", description: "Holds the Helpdesk Administrator role for second-line support.", mailEnabled: false, isAssignableToRole: true, owners: [ADMIN.userPrincipalName], ageDays: 620 },
  { key: "security-operators", displayName: "Entra Security Operators (PIM)", description: "Holds the Security Operator role for incident response.", mailEnabled: false, isAssignableToRole: true, owners: [ADMIN.userPrincipalName], ageDays: 600 },
  { key: "campaign-editors", displayName: "Marketing Campaign Editors", description: "Publishes campaign pages and social posts.", mailEnabled: true, isAssignableToRole: false, owners: ["alex@contoso.test"], ageDays: 540 },
  { key: "payroll-approvers", displayName: "HR Payroll Approvers", description: "Approves payroll runs and corrections.", mailEnabled: false, isAssignableToRole: false, owners: ["diego@contoso.test"], ageDays: 510 },
  { key: "forecast-reviewers", displayName: "Sales Forecast Reviewers", description: "Reviews regional pipeline forecasts.", mailEnabled: true, isAssignableToRole: false, owners: ["isaiah@contoso.test"], ageDays: 480 },
  { key: "legal-hold", displayName: "Legal Hold Reviewers", description: "Places and reviews litigation holds.", mailEnabled: false, isAssignableToRole: false, owners: ["joni@contoso.test"], ageDays: 450 },
  { key: "engineering-on-call", displayName: "Engineering On-Call", description: "Production on-call rotation for the platform services.", mailEnabled: false, isAssignableToRole: false, owners: ["johanna@contoso.test"], ageDays: 420 },
  { key: "subscription-owners", displayName: "Azure Subscription Owners (PIM)", description: "Owner role on the production Azure subscriptions.", mailEnabled: false, isAssignableToRole: true, owners: ["lee@contoso.test"], ageDays: 390 },
  { key: "design-system", displayName: "Design System Maintainers", description: "Maintains the shared component and icon library.", mailEnabled: false, isAssignableToRole: false, owners: ["grady@contoso.test"], ageDays: 360 },
  { key: "break-glass", displayName: "Break-Glass Operators", description: "Emergency access accounts' operators; Global Administrator when active.", mailEnabled: false, isAssignableToRole: true, owners: [], ageDays: 330 },
  { key: "launch-planning", displayName: "Product Launch Planning", description: "Microsoft 365 group of the launch team: shared mailbox, calendar and planner.", mailEnabled: true, isAssignableToRole: false, owners: ["lynne@contoso.test"], ageDays: 300, microsoft365: true },
];

export type GroupKey = (typeof GROUP_SPECS)[number]["key"];
export const groupId = (key: string): string => uuidFrom(`group:${key}`);
export const GROUP_KEYS: readonly string[] = GROUP_SPECS.map((g) => g.key);

interface PackageSpec {
  key: string;
  displayName: string;
  description: string;
  catalog: string;
}

// prettier-ignore
const CATALOGS: readonly CatalogRecord[] = [
  { id: uuidFrom("catalog:marketing"), displayName: "Marketing", description: "Campaign, brand and design resources." },
  { id: uuidFrom("catalog:sales"), displayName: "Sales", description: "Forecasting and CRM workspaces." },
  { id: uuidFrom("catalog:finance"), displayName: "Finance", description: "Close, reporting and approval tools." },
  { id: uuidFrom("catalog:general"), displayName: "General", description: "Company-wide packages, including external partners." },
];

// prettier-ignore
const PACKAGE_SPECS: readonly PackageSpec[] = [
  { key: "campaign-tools", displayName: "Marketing Campaign Tools", description: "Campaign planner, analytics dashboards and the newsletter editor.", catalog: "marketing" },
  { key: "design-assets", displayName: "Design Asset Library", description: "Brand templates, photography and icon sets.", catalog: "marketing" },
  { key: "forecast-workspace", displayName: "Sales Forecast Workspace", description: "The regional forecast workbook and pipeline reports.", catalog: "sales" },
  { key: "quarter-end-close", displayName: "Finance Quarter-End Close", description: "Close workbook, accrual templates and the consolidation site.", catalog: "finance" },
  { key: "contractor-onboarding", displayName: "Contractor Onboarding", description: "Guest access, the contractor handbook and the timesheet app.", catalog: "general" },
  { key: "legal-contract-review", displayName: "Legal Contract Review", description: "The contract repository and redlining tools.", catalog: "general" },
];

export const packageId = (key: string): string => uuidFrom(`access-package:${key}`);
export const subjectIdFor = (userOid: string): string => uuidFrom(`subject:${userOid}`);

export const FABRIKAM_ID = uuidFrom("connected-organization:fabrikam");
/** An external contractor from a connected organization: a subject with no directory object yet. */
export const EXTERNAL_SUBJECT: SubjectRecord = {
  id: uuidFrom("subject:external:kai.carter@fabrikam.example"),
  objectId: null,
  displayName: "Kai Carter (Fabrikam)",
  email: "kai.carter@fabrikam.example",
  principalName: "kai.carter@fabrikam.example",
  connectedOrganizationId: FABRIKAM_ID,
};

export function userFrom(person: Omit<DemoPerson, "directoryRoles" | "canSignIn">, index: number): UserRecord {
  return {
    id: person.oid,
    displayName: person.displayName,
    givenName: person.givenName,
    surname: person.surname,
    userPrincipalName: person.userPrincipalName,
    mail: person.userPrincipalName,
    jobTitle: person.jobTitle,
    officeLocation: index % 2 === 0 ? "Oslo" : "Seattle",
    createdDateTime: daysAgo(900 - index * 7),
  };
}

/** Extra directory users for large tenants: `user0001@contoso.test`, … with stable oids. */
export function extraUsers(count: number): UserRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, "0");
    return userFrom(
      { oid: uuidFrom(`extra-user:${n}`), userPrincipalName: `user${n}@${DEMO_TENANT_DOMAIN}`, displayName: `Test User ${n}`, givenName: "Test", surname: `User ${n}`, jobTitle: "Analyst" },
      DEMO_PEOPLE.length + i,
    );
  });
}

export function buildDirectory(extraUserCount: number): TenantDirectory {
  const users = [...DEMO_PEOPLE.map(userFrom), ...extraUsers(extraUserCount)];
  const groups: GroupRecord[] = GROUP_SPECS.map((g) => ({
    id: groupId(g.key),
    displayName: g.displayName,
    description: g.description,
    mailNickname: g.displayName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""),
    mailEnabled: g.mailEnabled,
    securityEnabled: !g.microsoft365,
    groupTypes: g.microsoft365 ? ["Unified"] : [],
    isAssignableToRole: g.isAssignableToRole,
    // Graph gives every Microsoft 365 group a visibility (Public unless made Private); security groups have none
    // unless role-assignable (always Private).
    visibility: g.isAssignableToRole ? "Private" : g.microsoft365 ? "Public" : null,
    createdDateTime: daysAgo(g.ageDays),
    ownerIds: g.owners.map(oid),
  }));
  const subjects: SubjectRecord[] = [
    ...users.map((u) => ({
      id: subjectIdFor(u.id),
      objectId: u.id,
      displayName: u.displayName,
      email: u.mail,
      principalName: u.userPrincipalName,
      connectedOrganizationId: null,
    })),
    EXTERNAL_SUBJECT,
  ];
  const accessPackages: AccessPackageRecord[] = PACKAGE_SPECS.map((p, i) => ({
    id: packageId(p.key),
    displayName: p.displayName,
    description: p.description,
    catalogId: uuidFrom(`catalog:${p.catalog}`),
    createdDateTime: daysAgo(400 - i * 20),
  }));
  const connectedOrganizations = [
    { id: FABRIKAM_ID, displayName: "Fabrikam", description: "Logistics contractor", createdDateTime: daysAgo(300) },
  ];
  return { users, groups, connectedOrganizations, subjects, catalogs: [...CATALOGS], accessPackages };
}
