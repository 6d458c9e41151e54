/** Sign-in settings the server hands the browser. Same shape for Entra ID and the local identity provider. */
export interface PublicAuthConfig {
  clientId: string;
  authority: string;
  knownAuthorities: string[];
  /** JSON string of OpenID metadata, only when the authority cannot be discovered by MSAL itself. */
  authorityMetadata: string | undefined;
  protocolMode: "AAD" | "OIDC";
  /** Every Graph scope the registry needs, requested at sign-in. */
  scopes: string[];
}
