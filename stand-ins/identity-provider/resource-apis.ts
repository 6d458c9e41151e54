// The APIs (resource servers, token audiences) this provider mints access tokens for: Microsoft Graph, and Azure
// Resource Manager (Entra's "Azure Service Management" API) at a configurable address. Like Entra, a token is for
// one API, and which one follows from the requested scopes' prefix (MSAL never sends `resource=`).

import { ARM_DELEGATED_SCOPES, ARM_RESOURCE } from "../demo-tenant";
import { GRAPH_ACCEPTED_SCOPES, GRAPH_RESOURCE } from "./claims";
import { GRAPH_APP_ID } from "./entra-errors";
import { GRAPH_SCOPE_RULES, type ScopeRules } from "./scope-grant";

export interface ResourceApi extends ScopeRules {
  /** The token audience, no trailing slash. */
  resource: string;
  /** The API's application id in Entra, which AADSTS messages name. */
  appId: string;
  /** Every scope string the resource server accepts (oidc-provider's resource server `scope`). */
  accepted: readonly string[];
  /** A consent entry → its name in the token's `scp` (`user_impersonation`, `User.Read`). */
  scpName(entry: string): string;
}

export const GRAPH_API: ResourceApi = {
  ...GRAPH_SCOPE_RULES,
  resource: GRAPH_RESOURCE,
  appId: GRAPH_APP_ID,
  accepted: GRAPH_ACCEPTED_SCOPES,
  scpName: (entry) => entry,
};

/** Entra's "Azure Service Management" API, and the id of its one delegated permission, user_impersonation. */
export const ARM_APP_ID = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
export const ARM_USER_IMPERSONATION_ID = "41094075-9dad-400e-a0bd-54e686782033";

/**
 * ARM at `resource` (default the global cloud's). Its scopes are only understood fully qualified; the doubled slash
 * (`https://management.azure.com//.default`) that Azure SDKs produce from the resource id `…azure.com/` is accepted
 * too, as Entra does. Its one permission is not low-risk, so nobody consents to it for themselves, and `.default`
 * with no ARM consent at all is refused (AADSTS65001), as by Entra.
 */
export function armApi(resource: string = ARM_RESOURCE): ResourceApi {
  const base = resource.replace(/\/+$/, "");
  const catalogue = ARM_DELEGATED_SCOPES.map((permission) => `${base}/${permission}`);
  const spellings = (name: string) => [`${base}/${name}`, `${base}//${name}`];
  const defaults = spellings(".default");
  const entryOf = (scope: string) => catalogue.find((entry) => spellings(entry.slice(base.length + 1)).includes(scope));
  return {
    resource: base,
    appId: ARM_APP_ID,
    catalogue,
    accepted: [...ARM_DELEGATED_SCOPES.flatMap(spellings), ...defaults],
    entryOf,
    isDefault: (scope) => defaults.includes(scope),
    selfConsentable: [],
    refusesEmptyDefault: true,
    scpName: (entry) => entry.slice(base.length + 1),
  };
}

/** The APIs of one running provider. */
export interface ResourceApis {
  graph: ResourceApi;
  arm: ResourceApi;
  /** Graph, then ARM: the order consent is listed in, and the one a request naming no API defaults to first. */
  all: readonly ResourceApi[];
}

export function resourceApis(armResource?: string): ResourceApis {
  const arm = armApi(armResource);
  return { graph: GRAPH_API, arm, all: [GRAPH_API, arm] };
}

/** Whether a scope string belongs to the API (a permission in either form, or its `.default`). */
export function isScopeOf(api: ResourceApi, scope: string): boolean {
  return api.isDefault(scope) || api.entryOf(scope) !== undefined;
}

/** The APIs a request's scopes name, in `apis` order (none for OpenID-only requests; two is an error at /token). */
export function apisNamedBy(apis: readonly ResourceApi[], scopes: readonly string[]): ResourceApi[] {
  return apis.filter((api) => scopes.some((scope) => isScopeOf(api, scope)));
}

/** A scope string as a consent entry of whichever API it belongs to; undefined for `.default` and unknown scopes. */
export function consentEntryOf(apis: readonly ResourceApi[], scope: string): string | undefined {
  for (const api of apis) {
    const entry = api.entryOf(scope);
    if (entry) return entry;
  }
  return undefined;
}
