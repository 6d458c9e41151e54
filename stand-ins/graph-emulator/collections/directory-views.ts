// Views of directory objects: user, group (also as the `principal` / `group` navigations of C requests),
// and the entitlement-management objects D requests expand to.

import type { AccessPackageRecord, ConnectedOrganizationRecord, GroupRecord, SubjectRecord, UserRecord } from "../model";
import { DEMO_TENANT_DOMAIN } from "../../demo-tenant";
import { navigation, type EntityView } from "../engine/render";

export const userView: EntityView<UserRecord> = {
  typeName: "user",
  render: (u) => ({
    id: u.id,
    businessPhones: [],
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: u.officeLocation,
    preferredLanguage: "en-US",
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
  }),
};

/** A user reached through a directoryObject-typed navigation (C `principal`) carries its derived type. */
export const directoryObjectUserView: EntityView<UserRecord> = {
  typeName: "directoryObject",
  render: (u, ctx) => ({ "@odata.type": "#microsoft.graph.user", ...userView.render(u, ctx) }),
};

export const groupView: EntityView<GroupRecord> = {
  typeName: "group",
  render: (g) => ({
    id: g.id,
    createdDateTime: g.createdDateTime,
    description: g.description,
    displayName: g.displayName,
    groupTypes: [...g.groupTypes],
    isAssignableToRole: g.isAssignableToRole,
    mail: g.mailEnabled ? `${g.mailNickname}@${DEMO_TENANT_DOMAIN}` : null,
    mailEnabled: g.mailEnabled,
    mailNickname: g.mailNickname,
    securityEnabled: g.securityEnabled,
    visibility: g.visibility,
  }),
};

export const connectedOrganizationView: EntityView<ConnectedOrganizationRecord> = {
  typeName: "connectedOrganization",
  render: (o) => ({ id: o.id, displayName: o.displayName, description: o.description, createdDateTime: o.createdDateTime, state: "configured" }),
};

/** accessPackageSubject: v1.0 `subjectType`; beta adds `type`, `connectedOrganizationId`, `altSecId` (contract §6). */
export const subjectView: EntityView<SubjectRecord> = {
  typeName: "accessPackageSubject",
  render: (s, ctx) => ({
    id: s.id,
    displayName: s.displayName,
    email: s.email,
    principalName: s.principalName,
    objectId: s.objectId,
    onPremisesSecurityIdentifier: null,
    subjectLifecycle: s.connectedOrganizationId ? "governed" : null,
    ...(ctx.version === "beta"
      ? { type: "User", connectedOrganizationId: s.connectedOrganizationId, altSecId: null, cleanupScheduledDateTime: null }
      : { subjectType: "user" }),
  }),
  navigations: {
    connectedOrganization: navigation(
      () => connectedOrganizationView,
      (s, ctx) => (s.connectedOrganizationId ? ctx.state.connectedOrganizations.get(s.connectedOrganizationId) : null),
    ),
  },
};

export const accessPackageView: EntityView<AccessPackageRecord> = {
  typeName: "accessPackage",
  render: (p, ctx) => ({
    id: p.id,
    displayName: p.displayName,
    description: p.description,
    isHidden: false,
    createdDateTime: p.createdDateTime,
    modifiedDateTime: p.createdDateTime,
    ...(ctx.version === "beta" ? { catalogId: p.catalogId, isRoleScopesVisible: false } : {}),
  }),
};
