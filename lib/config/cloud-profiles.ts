// Microsoft's national cloud table, as data. Each Microsoft cloud is a separate instance with its own sign-in host,
// Graph host and Azure Resource Manager host, and a token from one is never accepted by another, so the app takes
// all of them from one profile instead of three settings that could disagree.
//
// Sources (checked when this table was written):
// - Sign-in and Graph hosts: "Microsoft Graph national cloud deployments",
//   https://learn.microsoft.com/graph/deployments (GCC High uses graph.microsoft.us, DoD dod-graph.microsoft.us, both
//   with the US Government sign-in host and portal; GCC, unlike GCC High, stays on the global endpoints).
// - Sign-in hosts: "National clouds", https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud.
//   That page names login.partner.microsoftonline.cn for China where the Graph page names login.chinacloudapi.cn;
//   Entra's instance discovery lists both as aliases of the same 21Vianet instance. The Graph page's host is kept.
// - Graph scopes in a national cloud carry that cloud's Graph host ("Access national cloud deployments with the
//   Microsoft Graph SDKs", https://learn.microsoft.com/graph/sdks/national-clouds).
// - Azure Resource Manager: "Azure Government developer guide", endpoint mapping ("Azure API":
//   https://management.usgovcloudapi.net/ vs https://management.azure.com/; the DoD regions are part of Azure
//   Government), https://learn.microsoft.com/azure/azure-government/documentation-government-developer-guide, and for
//   China the ARM endpoints Microsoft's own Azure SDK for JavaScript uses (getArmEndpoint in cloudSettingHelpers.ts).
// - ARM scopes are the resource URI with its trailing slash followed by the scope name, e.g.
//   https://management.azure.com/user_impersonation (https://learn.microsoft.com/entra/agent-id/sidecar-call-azure-api-as-user).
// - Portals: the Azure portal of each cloud, from the two tables above (the Entra admin center's host is documented
//   for the global cloud only, entra.microsoft.com, so the Azure portal, which has App registrations too, is used).

export type CloudName = "global" | "usgov" | "usgovdod" | "china";

export interface CloudProfile {
  /** How Microsoft names the cloud, for messages. */
  label: string;
  /** Where users sign in and where the admin-consent endpoint lives. */
  loginHost: string;
  /** Graph root, without version. */
  graphHost: string;
  /** The Graph token audience and scope prefix (`<graphResource>/User.Read`); the Graph host in every cloud. */
  graphResource: string;
  /** Azure Resource Manager root. */
  armHost: string;
  /** The ARM token audience, with the trailing slash ARM scopes are written with (`<armResource>user_impersonation`). */
  armResource: string;
  /** The cloud's Azure portal, where App registrations and Enterprise applications are managed. */
  portalHost: string;
}

export const CLOUD_PROFILES: Readonly<Record<CloudName, CloudProfile>> = {
  global: {
    label: "Microsoft Entra ID (global service)",
    loginHost: "https://login.microsoftonline.com",
    graphHost: "https://graph.microsoft.com",
    graphResource: "https://graph.microsoft.com",
    armHost: "https://management.azure.com",
    armResource: "https://management.azure.com/",
    portalHost: "https://portal.azure.com",
  },
  usgov: {
    label: "Microsoft Graph for US Government L4 (GCC High)",
    loginHost: "https://login.microsoftonline.us",
    graphHost: "https://graph.microsoft.us",
    graphResource: "https://graph.microsoft.us",
    armHost: "https://management.usgovcloudapi.net",
    armResource: "https://management.usgovcloudapi.net/",
    portalHost: "https://portal.azure.us",
  },
  usgovdod: {
    label: "Microsoft Graph for US Government L5 (DoD)",
    loginHost: "https://login.microsoftonline.us",
    graphHost: "https://dod-graph.microsoft.us",
    graphResource: "https://dod-graph.microsoft.us",
    armHost: "https://management.usgovcloudapi.net",
    armResource: "https://management.usgovcloudapi.net/",
    portalHost: "https://portal.azure.us",
  },
  china: {
    label: "Microsoft Azure operated by 21Vianet",
    loginHost: "https://login.chinacloudapi.cn",
    graphHost: "https://microsoftgraph.chinacloudapi.cn",
    graphResource: "https://microsoftgraph.chinacloudapi.cn",
    armHost: "https://management.chinacloudapi.cn",
    armResource: "https://management.chinacloudapi.cn/",
    portalHost: "https://portal.azure.cn",
  },
};

/** Which cloud, and the values that replace its profile's (the offline stand-ins set them; Entra needs none). */
export interface CloudEndpointInput {
  cloud: CloudName;
  /** Tenant id or domain for the default authority; `organizations` (any work account) when absent. */
  tenantId?: string;
  authority?: string;
  loginUrl?: string;
  graphBaseUrl?: string;
  graphResource?: string;
  armBaseUrl?: string;
  /** The ARM token audience (scope prefix), with or without its trailing slash. */
  armResource?: string;
}

export interface AdminConsentParams {
  clientId: string;
  /** Graph permissions, short (`User.Read`) or qualified; short ones are qualified with the cloud's Graph resource. */
  scopes: string[];
  redirectUri: string;
  state: string;
}

export interface CloudEndpoints {
  cloud: CloudName;
  loginUrl: string;
  authority: string;
  graphBaseUrl: string;
  graphResource: string;
  /** Every Graph permission granted to the app, in one token request. */
  graphDefaultScope: string;
  armBaseUrl: string;
  armResource: string;
  armDefaultScope: string;
  /** The Microsoft identity platform admin-consent link for `tenant` (a tenant id, domain or `organizations`). */
  adminConsentUrl: (tenant: string, params: AdminConsentParams) => string;
}

export function resolveCloudEndpoints(input: CloudEndpointInput): CloudEndpoints {
  const profile = CLOUD_PROFILES[input.cloud];
  const loginUrl = withoutTrailingSlash(input.loginUrl ?? profile.loginHost);
  const graphResource = withoutTrailingSlash(input.graphResource ?? profile.graphResource);
  // Kept with its trailing slash, as ARM scopes are written (`<armResource>user_impersonation`).
  const armResource = `${withoutTrailingSlash(input.armResource ?? profile.armResource)}/`;
  return {
    cloud: input.cloud,
    loginUrl,
    // An explicit authority is kept exactly as given: MSAL and the stand-in provider compare it as a string.
    authority: input.authority ?? `${loginUrl}/${input.tenantId ?? "organizations"}`,
    graphBaseUrl: withoutTrailingSlash(input.graphBaseUrl ?? profile.graphHost),
    graphResource,
    graphDefaultScope: `${graphResource}/.default`,
    armBaseUrl: withoutTrailingSlash(input.armBaseUrl ?? profile.armHost),
    armResource,
    armDefaultScope: `${armResource}.default`,
    adminConsentUrl: (tenant, params) => adminConsentUrl(loginUrl, graphResource, tenant, params),
  };
}

/**
 * The admin-consent link on `loginUrl`, also for the browser, which knows only the login host and Graph resource.
 * Endpoint and parameters as documented in "Admin consent on the Microsoft identity platform"
 * (https://learn.microsoft.com/entra/identity-platform/v2-admin-consent): `<login host>/<tenant>/v2.0/adminconsent`
 * with client_id, a space-separated list of fully qualified permissions, redirect_uri and state. Spaces are written
 * %20, never `+`, so the list reads the same to any decoder.
 */
export function adminConsentUrl(loginUrl: string, graphResource: string, tenant: string, params: AdminConsentParams): string {
  const query: [string, string][] = [
    ["client_id", params.clientId],
    ["scope", params.scopes.map((scope) => qualifyGraphScope(scope, graphResource)).join(" ")],
    ["redirect_uri", params.redirectUri],
    ["state", params.state],
  ];
  const search = query.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&");
  return `${withoutTrailingSlash(loginUrl)}/${encodeURIComponent(tenant)}/v2.0/adminconsent?${search}`;
}

// OpenID Connect scopes belong to the identity platform, not to Graph, and are never prefixed.
const OPENID_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);

/** `User.Read` → `https://graph.microsoft.us/User.Read`; qualified scopes (any resource) and OpenID scopes unchanged. */
export function qualifyGraphScope(scope: string, graphResource: string): string {
  if (scope.includes("/") || OPENID_SCOPES.has(scope.toLowerCase())) return scope;
  return `${withoutTrailingSlash(graphResource)}/${scope}`;
}

/**
 * `https://graph.microsoft.us/User.Read` → `User.Read`. Entra may answer the resource in another letter case than
 * asked, so the prefix is compared case-insensitively; a scope of another resource is returned unchanged.
 */
export function shortGraphScope(scope: string, graphResource: string): string {
  const prefix = `${withoutTrailingSlash(graphResource).toLowerCase()}/`;
  return scope.toLowerCase().startsWith(prefix) ? scope.slice(prefix.length) : scope;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
