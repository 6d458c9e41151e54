import type { PublicAuthConfig } from "./auth-config-types";

// ARM's delegated permissions are only understood fully qualified, written on the resource with its trailing slash
// (`https://management.azure.com/user_impersonation`, cloud-profiles.ts). The registry names them short, as the
// categories declare them; the browser asks for and shows them qualified with the configured ARM resource.

/** `user_impersonation` → `<armResource>user_impersonation`; a scope already qualified is kept. */
export function qualifiedArmScopes(permissions: readonly string[], config: Pick<PublicAuthConfig, "armResource">): string[] {
  const resource = config.armResource.endsWith("/") ? config.armResource : `${config.armResource}/`;
  return permissions.map((permission) => (permission.includes("/") ? permission : `${resource}${permission}`));
}
