// Pure functions: who may sign in, how Graph scope strings are read, and the Entra-style claims of tokens.
// No oidc-provider imports here, so the rules are easy to unit-test.

import { createHash, timingSafeEqual } from "node:crypto";

import {
  ALL_DEMO_PEOPLE,
  DEMO_PASSWORD,
  GRAPH_DELEGATED_SCOPES,
  ROLE_TEMPLATE_IDS,
  tenantOf,
  type DemoPerson,
  type GraphDelegatedScope,
} from "../demo-tenant";

/** Microsoft Graph's audience; the other resource server, ARM, is configurable (resource-apis.ts). */
export const GRAPH_RESOURCE = "https://graph.microsoft.com";

/** Entra's "every permission consented for the resource" scope, in the two spellings MSAL may send. */
export const GRAPH_DEFAULT_SCOPES: readonly string[] = [".default", `${GRAPH_RESOURCE}/.default`];

/**
 * Every scope string the Graph resource server accepts: the catalogue's short names (`User.Read`), their
 * fully-qualified form (`https://graph.microsoft.com/User.Read`) and `.default`. oidc-provider's own grant holds
 * all of them (see loadExistingGrant in server.ts); what a token really carries is decided from the consent
 * records at issue time.
 */
export const GRAPH_ACCEPTED_SCOPES: readonly string[] = [
  ...GRAPH_DELEGATED_SCOPES,
  ...GRAPH_DELEGATED_SCOPES.map((s) => `${GRAPH_RESOURCE}/${s}`),
  ...GRAPH_DEFAULT_SCOPES,
];

const CATALOGUE: ReadonlySet<string> = new Set(GRAPH_DELEGATED_SCOPES);

export function isCatalogueScope(value: string): value is GraphDelegatedScope {
  return CATALOGUE.has(value);
}

/** `User.Read` or `https://graph.microsoft.com/User.Read` → `User.Read`; anything else → undefined. */
export function normaliseGraphScope(scope: string): GraphDelegatedScope | undefined {
  const short = scope.startsWith(`${GRAPH_RESOURCE}/`) ? scope.slice(GRAPH_RESOURCE.length + 1) : scope;
  return isCatalogueScope(short) ? short : undefined;
}

export function isGraphDefaultScope(scope: string): boolean {
  return GRAPH_DEFAULT_SCOPES.includes(scope);
}

export function splitScopes(scope: string | undefined | null): string[] {
  return (scope ?? "").split(" ").filter((s) => s.length > 0);
}

/** The person's home tenant id (Contoso unless the person says otherwise). */
export function homeTenantId(person: Pick<DemoPerson, "tenantId">): string {
  return tenantOf(person).id;
}

/** The `wids` claim: the person's directory roles plus the default user role every member holds. */
export function widsFor(person: Pick<DemoPerson, "directoryRoles">): string[] {
  return [...new Set([...person.directoryRoles, ROLE_TEMPLATE_IDS.defaultUser])];
}

/** What an access token (Graph or ARM) carries beyond who the person is; decided per token request (token-gate.ts). */
export interface TokenGrant {
  /** Granted permissions as the API names them (`User.Read`, `user_impersonation`): `scp`. */
  scopes: readonly string[];
  /** The request declared client capability CP1 (CAE-ready client): `xms_cc: ["cp1"]`. */
  cp1: boolean;
  /** Authentication contexts the person has satisfied: `acrs`. */
  authContexts: readonly string[];
}

/** Claims added to an access token for any API (on top of iss, sub, aud, iat, exp, jti). */
export interface AccessTokenClaims {
  [claim: string]: unknown;
  scp: string;
  oid: string;
  tid: string;
  name: string;
  preferred_username: string;
  wids: string[];
  azp: string;
  ver: "2.0";
  xms_cc?: string[];
  acrs?: string[];
}

/**
 * Graph and ARM tokens carry the same person claims, so a claims challenge (xms_cc, acrs) works alike for both;
 * `wids` too, as Entra puts it in every access token of a person holding directory roles.
 */
export function accessTokenClaims(person: DemoPerson, grant: TokenGrant, clientId: string): AccessTokenClaims {
  return {
    scp: grant.scopes.join(" "),
    oid: person.oid,
    tid: homeTenantId(person),
    name: person.displayName,
    preferred_username: person.userPrincipalName,
    wids: widsFor(person),
    azp: clientId,
    ver: "2.0",
    ...(grant.cp1 ? { xms_cc: ["cp1"] } : {}),
    ...(grant.authContexts.length ? { acrs: [...grant.authContexts] } : {}),
  };
}

/** OpenID claims for the ID token / userinfo; oidc-provider picks the ones the granted scopes allow. */
export function openIdClaims(person: DemoPerson): { sub: string; [claim: string]: unknown } {
  return {
    sub: person.oid,
    oid: person.oid,
    tid: homeTenantId(person),
    ver: "2.0",
    name: person.displayName,
    preferred_username: person.userPrincipalName,
    given_name: person.givenName,
    family_name: person.surname,
    email: person.userPrincipalName,
  };
}

/** Entra's `client_info` (base64url JSON `{uid, utid}`), from which MSAL forms homeAccountId `<oid>.<tid>`. */
export function clientInfo(oid: string, tid: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString("base64url");
}

/** A person who may sign in (any tenant), by account id (`oid`); undefined for unknown people or those without sign-in. */
export function findSignInPersonByOid(oid: string): DemoPerson | undefined {
  return ALL_DEMO_PEOPLE.find((p) => p.oid === oid && p.canSignIn);
}

/** Whether the password is the demo password (compared in constant time). */
export function isDemoPassword(password: string): boolean {
  return timingSafeEqual(sha256(password), sha256(DEMO_PASSWORD));
}

/**
 * Checks typed credentials. Returns the person only when the email names a person who may sign in (any tenant) and
 * the password is the demo password; the caller must not reveal which of the two was wrong.
 */
export function authenticate(email: string, password: string): DemoPerson | undefined {
  const wanted = email.trim().toLowerCase();
  const person = ALL_DEMO_PEOPLE.find((p) => p.userPrincipalName.toLowerCase() === wanted);
  const passwordOk = isDemoPassword(password);
  return person && person.canSignIn && passwordOk ? person : undefined;
}

function sha256(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
