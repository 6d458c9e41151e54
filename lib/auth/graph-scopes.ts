import type { PublicAuthConfig } from "./auth-config-types";

// Scope names as Entra writes them: Graph's own permissions short (`User.Read`) or qualified with the cloud's Graph
// resource (`https://graph.microsoft.us/User.Read`). The app compares short names and asks with qualified ones, so
// a national cloud's token is never asked of the global Graph.

const OPENID_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);

export function graphDefaultScope(config: Pick<PublicAuthConfig, "graphResource">): string {
  return `${config.graphResource}/.default`;
}

export function qualifiedGraphScopes(scopes: readonly string[], config: Pick<PublicAuthConfig, "graphResource">): string[] {
  return scopes.map((scope) => (scope.includes("/") || OPENID_SCOPES.has(scope.toLowerCase()) ? scope : `${config.graphResource}/${scope}`));
}

/**
 * The Graph permissions a token answer names, as short names: the OpenID scopes and `.default` are not
 * permissions, and the resource prefix (any letter case) goes.
 */
export function grantedGraphPermissions(scopes: readonly string[], config: Pick<PublicAuthConfig, "graphResource">): string[] {
  const prefix = `${config.graphResource.toLowerCase()}/`;
  const short = scopes.map((scope) => (scope.toLowerCase().startsWith(prefix) ? scope.slice(prefix.length) : scope));
  return [...new Set(short.filter((scope) => scope && scope !== ".default" && !OPENID_SCOPES.has(scope.toLowerCase()) && !scope.includes("/")))];
}
