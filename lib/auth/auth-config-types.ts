/** Sign-in settings the server hands the browser. Same shape for Entra ID and the local identity provider. */
export interface PublicAuthConfig {
  clientId: string;
  authority: string;
  knownAuthorities: string[];
  /** JSON string of OpenID metadata, only when the authority cannot be discovered by MSAL itself. */
  authorityMetadata: string | undefined;
  protocolMode: "AAD" | "OIDC";
  /**
   * What sign-in asks for: `User.Read` (plus MSAL's OpenID scopes). Nothing that needs an administrator's consent,
   * so a missing grant can never lock anyone out of the app.
   */
  loginScopes: string[];
  /** The Graph token audience of the configured cloud, e.g. https://graph.microsoft.com; scopes are prefixed with it. */
  graphResource: string;
  /** The Azure Resource Manager token audience of the configured cloud, with its trailing slash (`https://management.azure.com/`). */
  armResource: string;
  /**
   * The delegated Azure Resource Manager scopes the ARM categories need, from the registry, qualified with
   * `armResource` (`https://management.azure.com/user_impersonation`): what the browser's ARM token is asked with.
   */
  armScopes: string[];
  /** The login host of the configured cloud, where the admin-consent endpoint lives. */
  loginUrl: string;
}
