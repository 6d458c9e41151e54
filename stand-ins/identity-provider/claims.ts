// Pure functions: who may sign in, which Graph scopes a person's token carries, and the Entra-style claims.
// No oidc-provider imports here, so the rules are easy to unit-test.

import { createHash, timingSafeEqual } from "node:crypto";

import {
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_TENANT_ID,
  GRAPH_DELEGATED_SCOPES,
  ROLE_TEMPLATE_IDS,
  type DemoPerson,
  type GraphDelegatedScope,
} from "../demo-tenant";

/** The one resource server (token audience) this provider mints access tokens for. */
export const GRAPH_RESOURCE = "https://graph.microsoft.com";

/**
 * Every scope string the Graph resource server accepts: the catalogue's short names (`User.Read`) and their
 * fully-qualified form (`https://graph.microsoft.com/User.Read`). Both are accepted so a token response echoes
 * whichever form the app asked for (MSAL caches tokens under the returned scopes); `scp` always uses short names.
 */
export const GRAPH_ACCEPTED_SCOPES: readonly string[] = [
  ...GRAPH_DELEGATED_SCOPES,
  ...GRAPH_DELEGATED_SCOPES.map((s) => `${GRAPH_RESOURCE}/${s}`),
];

const CATALOGUE: ReadonlySet<string> = new Set(GRAPH_DELEGATED_SCOPES);

function isCatalogueScope(value: string): value is GraphDelegatedScope {
  return CATALOGUE.has(value);
}

/** `User.Read` or `https://graph.microsoft.com/User.Read` → `User.Read`; anything else → undefined. */
export function normaliseGraphScope(scope: string): GraphDelegatedScope | undefined {
  const short = scope.startsWith(`${GRAPH_RESOURCE}/`) ? scope.slice(GRAPH_RESOURCE.length + 1) : scope;
  return isCatalogueScope(short) ? short : undefined;
}

export function splitScopes(scope: string | undefined | null): string[] {
  return (scope ?? "").split(" ").filter((s) => s.length > 0);
}

type ScopeHolder = Pick<DemoPerson, "withheldScopes">;

/**
 * The Graph scopes a person's token carries for a request: the requested scopes that are in the catalogue
 * (either form), as short names, without duplicates, in request order, minus the person's `withheldScopes`.
 */
export function grantedGraphScopes(requested: Iterable<string>, person: ScopeHolder): GraphDelegatedScope[] {
  const withheld = new Set<string>(person.withheldScopes ?? []);
  const out: GraphDelegatedScope[] = [];
  for (const raw of requested) {
    const short = normaliseGraphScope(raw);
    if (short && !withheld.has(short) && !out.includes(short)) out.push(short);
  }
  return out;
}

/**
 * Splits the requested scope strings (as sent, either form) into those to grant and those to reject for the
 * Graph resource. Rejecting (rather than ignoring) a withheld scope marks it "encountered" on the grant, so the
 * provider does not ask for consent again and simply leaves it out of the token.
 */
export function partitionRequestedGraphScopes(
  requested: Iterable<string>,
  person: ScopeHolder,
): { grant: string[]; reject: string[] } {
  const withheld = new Set<string>(person.withheldScopes ?? []);
  const grant: string[] = [];
  const reject: string[] = [];
  for (const raw of requested) {
    const short = normaliseGraphScope(raw);
    if (!short) continue;
    (withheld.has(short) ? reject : grant).push(raw);
  }
  return { grant, reject };
}

/** The `wids` claim: the person's directory roles plus the default user role every member holds. */
export function widsFor(person: Pick<DemoPerson, "directoryRoles">): string[] {
  return [...new Set([...person.directoryRoles, ROLE_TEMPLATE_IDS.defaultUser])];
}

/** Claims added to a Graph access token (on top of iss, sub, aud, iat, exp, jti). */
export interface GraphAccessTokenClaims {
  [claim: string]: unknown;
  scp: string;
  oid: string;
  tid: string;
  name: string;
  preferred_username: string;
  wids: string[];
  azp: string;
  ver: "2.0";
}

export function graphAccessTokenClaims(
  person: DemoPerson,
  tokenScope: string | undefined,
  clientId: string,
): GraphAccessTokenClaims {
  return {
    scp: grantedGraphScopes(splitScopes(tokenScope), person).join(" "),
    oid: person.oid,
    tid: DEMO_TENANT_ID,
    name: person.displayName,
    preferred_username: person.userPrincipalName,
    wids: widsFor(person),
    azp: clientId,
    ver: "2.0",
  };
}

/** OpenID claims for the ID token / userinfo; oidc-provider picks the ones the granted scopes allow. */
export function openIdClaims(person: DemoPerson): { sub: string; [claim: string]: unknown } {
  return {
    sub: person.oid,
    oid: person.oid,
    tid: DEMO_TENANT_ID,
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

/** A person who may sign in, by account id (`oid`); undefined for unknown people or those without sign-in. */
export function findSignInPersonByOid(oid: string): DemoPerson | undefined {
  return DEMO_PEOPLE.find((p) => p.oid === oid && p.canSignIn);
}

/**
 * Checks typed credentials. Returns the person only when the email names a person who may sign in and the
 * password is the demo password; the caller must not reveal which of the two was wrong.
 */
export function authenticate(email: string, password: string): DemoPerson | undefined {
  const wanted = email.trim().toLowerCase();
  const person = DEMO_PEOPLE.find((p) => p.userPrincipalName.toLowerCase() === wanted);
  const passwordOk = timingSafeEqual(sha256(password), sha256(DEMO_PASSWORD));
  return person && person.canSignIn && passwordOk ? person : undefined;
}

function sha256(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
