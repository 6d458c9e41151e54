import { describe, expect, it } from "vitest";
import { CLOUD_PROFILES, adminConsentUrl, qualifyGraphScope, resolveCloudEndpoints, shortGraphScope, type CloudName } from "./cloud-profiles";

const CLOUDS = Object.keys(CLOUD_PROFILES) as CloudName[];

// The hosts each cloud may use, by domain; a host outside its own family would send a token to the wrong cloud.
const FAMILY: Record<CloudName, "global" | "us" | "china"> = { global: "global", usgov: "us", usgovdod: "us", china: "china" };
const DOMAINS: Record<"global" | "us" | "china", string[]> = {
  global: ["microsoftonline.com", "microsoft.com", "azure.com"],
  us: ["microsoftonline.us", "microsoft.us", "usgovcloudapi.net", "azure.us"],
  china: ["chinacloudapi.cn", "azure.cn"],
};

function urlsOf(cloud: CloudName): string[] {
  const { loginHost, graphHost, graphResource, armHost, armResource, portalHost } = CLOUD_PROFILES[cloud];
  return [loginHost, graphHost, graphResource, armHost, armResource, portalHost];
}

function hostsOf(cloud: CloudName): string[] {
  return urlsOf(cloud).map((url) => new URL(url).hostname);
}

function inDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

describe("the national cloud table", () => {
  it.each([
    ["global", "https://login.microsoftonline.com", "https://graph.microsoft.com", "https://management.azure.com", "https://portal.azure.com"],
    ["usgov", "https://login.microsoftonline.us", "https://graph.microsoft.us", "https://management.usgovcloudapi.net", "https://portal.azure.us"],
    ["usgovdod", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us", "https://management.usgovcloudapi.net", "https://portal.azure.us"],
    ["china", "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn", "https://management.chinacloudapi.cn", "https://portal.azure.cn"],
  ] as const)("%s has Microsoft's documented hosts", (cloud, login, graph, arm, portal) => {
    const profile = CLOUD_PROFILES[cloud];
    expect(profile.loginHost).toBe(login);
    expect(profile.graphHost).toBe(graph);
    expect(profile.graphResource).toBe(graph);
    expect(profile.armHost).toBe(arm);
    expect(profile.armResource).toBe(`${arm}/`);
    expect(profile.portalHost).toBe(portal);
  });

  it("covers exactly the four clouds the configuration accepts", () => {
    expect([...CLOUDS].sort()).toEqual(["china", "global", "usgov", "usgovdod"]);
  });

  it.each(CLOUDS)("%s uses https hosts of its own cloud only", (cloud) => {
    const own = DOMAINS[FAMILY[cloud]];
    const others = Object.entries(DOMAINS)
      .filter(([family]) => family !== FAMILY[cloud])
      .flatMap(([, domains]) => domains);
    for (const host of hostsOf(cloud)) {
      expect(own.some((domain) => inDomain(host, domain)), `${cloud}: ${host}`).toBe(true);
      expect(others.some((domain) => inDomain(host, domain)), `${cloud}: ${host}`).toBe(false);
    }
    for (const url of urlsOf(cloud)) expect(new URL(url).protocol).toBe("https:");
  });

  it("gives every cloud its own Graph", () => {
    const graphs = CLOUDS.map((cloud) => CLOUD_PROFILES[cloud].graphHost);
    expect(new Set(graphs).size).toBe(CLOUDS.length);
  });
});

describe("resolveCloudEndpoints", () => {
  it.each(CLOUDS)("derives %s's endpoints from its profile", (cloud) => {
    const profile = CLOUD_PROFILES[cloud];
    const endpoints = resolveCloudEndpoints({ cloud, tenantId: "contoso.onmicrosoft.com" });
    expect(endpoints).toMatchObject({
      cloud,
      loginUrl: profile.loginHost,
      authority: `${profile.loginHost}/contoso.onmicrosoft.com`,
      graphBaseUrl: profile.graphHost,
      graphResource: profile.graphResource,
      graphDefaultScope: `${profile.graphResource}/.default`,
      armBaseUrl: profile.armHost,
      armResource: profile.armResource,
      armDefaultScope: `${profile.armResource}.default`,
    });
  });

  it("lets any work account's tenant sign in when no tenant is configured", () => {
    expect(resolveCloudEndpoints({ cloud: "usgov" }).authority).toBe("https://login.microsoftonline.us/organizations");
  });

  it("writes the ARM default scope with a single slash after the resource", () => {
    expect(resolveCloudEndpoints({ cloud: "global" }).armDefaultScope).toBe("https://management.azure.com/.default");
    expect(resolveCloudEndpoints({ cloud: "china" }).armDefaultScope).toBe("https://management.chinacloudapi.cn/.default");
  });

  it("takes explicit values over the profile, as the offline stand-ins set them", () => {
    const endpoints = resolveCloudEndpoints({
      cloud: "global",
      tenantId: "ignored-when-authority-is-set",
      authority: "https://localhost:4100/",
      loginUrl: "https://localhost:4100/",
      graphBaseUrl: "http://localhost:4000/",
      graphResource: "https://graph.example.test/",
      armBaseUrl: "http://localhost:4200",
    });
    expect(endpoints).toMatchObject({
      authority: "https://localhost:4100/",
      loginUrl: "https://localhost:4100",
      graphBaseUrl: "http://localhost:4000",
      graphResource: "https://graph.example.test",
      graphDefaultScope: "https://graph.example.test/.default",
      armBaseUrl: "http://localhost:4200",
      armResource: "https://management.azure.com/",
    });
  });

  it.each(CLOUDS)("keeps %s's ARM audience when only ARM's address is overridden", (cloud) => {
    const endpoints = resolveCloudEndpoints({ cloud, armBaseUrl: "http://localhost:4200" });
    expect(endpoints.armBaseUrl).toBe("http://localhost:4200");
    expect(endpoints.armResource).toBe(CLOUD_PROFILES[cloud].armResource);
  });

  it.each(CLOUDS)("takes ARM_RESOURCE over %s's ARM audience, written with one trailing slash", (cloud) => {
    for (const given of ["http://localhost:4200", "http://localhost:4200/", "http://localhost:4200//"]) {
      const endpoints = resolveCloudEndpoints({ cloud, armBaseUrl: "http://localhost:4200", armResource: given });
      expect(endpoints.armResource, given).toBe("http://localhost:4200/");
      expect(endpoints.armDefaultScope, given).toBe("http://localhost:4200/.default");
      // Only ARM's audience moves: the rest of the profile stays the cloud's.
      expect(endpoints.graphResource).toBe(CLOUD_PROFILES[cloud].graphResource);
      expect(endpoints.loginUrl).toBe(CLOUD_PROFILES[cloud].loginHost);
    }
  });

  it("builds the default authority on an overridden login host", () => {
    const endpoints = resolveCloudEndpoints({ cloud: "global", loginUrl: "https://localhost:4100", tenantId: "t1" });
    expect(endpoints.authority).toBe("https://localhost:4100/t1");
  });

  it("accepts the values the unit tests run with", () => {
    const endpoints = resolveCloudEndpoints({
      cloud: "global",
      authority: "https://login.microsoftonline.com/common",
      graphBaseUrl: "https://graph.microsoft.com",
    });
    expect(endpoints.authority).toBe("https://login.microsoftonline.com/common");
    expect(endpoints.graphBaseUrl).toBe("https://graph.microsoft.com");
    expect(endpoints.loginUrl).toBe("https://login.microsoftonline.com");
  });
});

describe("adminConsentUrl", () => {
  const params = {
    clientId: "00000000-0000-0000-0000-000000000001",
    scopes: ["User.Read", "RoleAssignmentSchedule.ReadWrite.Directory"],
    redirectUri: "https://desk.example.com/admin-consent",
    state: "a b&c=d/é",
  };

  it("points at the identity platform's admin-consent endpoint of the tenant", () => {
    const url = new URL(resolveCloudEndpoints({ cloud: "global" }).adminConsentUrl("contoso.com", params));
    expect(`${url.origin}${url.pathname}`).toBe("https://login.microsoftonline.com/contoso.com/v2.0/adminconsent");
    expect([...url.searchParams.keys()]).toEqual(["client_id", "scope", "redirect_uri", "state"]);
    expect(url.searchParams.get("client_id")).toBe(params.clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(params.redirectUri);
    expect(url.searchParams.get("state")).toBe(params.state);
  });

  it("asks for the scopes space-separated and qualified with the cloud's Graph", () => {
    const href = resolveCloudEndpoints({ cloud: "usgovdod" }).adminConsentUrl("organizations", params);
    expect(new URL(href).searchParams.get("scope")).toBe(
      "https://dod-graph.microsoft.us/User.Read https://dod-graph.microsoft.us/RoleAssignmentSchedule.ReadWrite.Directory",
    );
    expect(href).toContain("scope=https%3A%2F%2Fdod-graph.microsoft.us%2FUser.Read%20https%3A%2F%2F");
    expect(href).not.toContain("+");
    expect(href.startsWith("https://login.microsoftonline.us/organizations/v2.0/adminconsent?")).toBe(true);
  });

  it("encodes every value, the tenant included", () => {
    const href = resolveCloudEndpoints({ cloud: "china" }).adminConsentUrl("a/b", params);
    expect(href.startsWith("https://login.chinacloudapi.cn/a%2Fb/v2.0/adminconsent?")).toBe(true);
    expect(href).toContain("state=a%20b%26c%3Dd%2F%C3%A9");
    expect(href).toContain("redirect_uri=https%3A%2F%2Fdesk.example.com%2Fadmin-consent");
  });

  it("uses an overridden login host and Graph resource", () => {
    const endpoints = resolveCloudEndpoints({ cloud: "global", loginUrl: "https://localhost:4100/", graphResource: "https://graph.microsoft.com" });
    const href = endpoints.adminConsentUrl("t1", { ...params, scopes: ["User.Read"] });
    expect(href.startsWith("https://localhost:4100/t1/v2.0/adminconsent?")).toBe(true);
  });

  it("is the same link when built from the login host and Graph resource alone, as the browser does", () => {
    const endpoints = resolveCloudEndpoints({ cloud: "usgov" });
    expect(adminConsentUrl("https://login.microsoftonline.us/", "https://graph.microsoft.us", "t1", params)).toBe(
      endpoints.adminConsentUrl("t1", params),
    );
  });
});

describe("Graph scope names", () => {
  it("qualifies a short Graph permission with the cloud's Graph resource", () => {
    expect(qualifyGraphScope("User.Read", "https://graph.microsoft.us")).toBe("https://graph.microsoft.us/User.Read");
    expect(qualifyGraphScope("User.Read", "https://graph.microsoft.us/")).toBe("https://graph.microsoft.us/User.Read");
  });

  it("leaves qualified and OpenID scopes alone", () => {
    expect(qualifyGraphScope("https://graph.microsoft.com/User.Read", "https://graph.microsoft.us")).toBe(
      "https://graph.microsoft.com/User.Read",
    );
    expect(qualifyGraphScope("https://management.azure.com/user_impersonation", "https://graph.microsoft.com")).toBe(
      "https://management.azure.com/user_impersonation",
    );
    for (const scope of ["openid", "profile", "offline_access", "email", "OpenID"]) {
      expect(qualifyGraphScope(scope, "https://graph.microsoft.com")).toBe(scope);
    }
  });

  it("shortens a qualified Graph scope, whatever the letter case of the prefix", () => {
    expect(shortGraphScope("https://graph.microsoft.us/User.Read", "https://graph.microsoft.us")).toBe("User.Read");
    expect(shortGraphScope("HTTPS://Graph.Microsoft.US/User.Read", "https://graph.microsoft.us")).toBe("User.Read");
    expect(shortGraphScope("https://dod-graph.microsoft.us/.default", "https://DOD-graph.microsoft.us/")).toBe(".default");
  });

  it("leaves short scopes and other resources' scopes alone", () => {
    expect(shortGraphScope("User.Read", "https://graph.microsoft.com")).toBe("User.Read");
    expect(shortGraphScope("https://graph.microsoft.com/User.Read", "https://graph.microsoft.us")).toBe(
      "https://graph.microsoft.com/User.Read",
    );
  });

  it("round-trips", () => {
    for (const cloud of CLOUDS) {
      const { graphResource } = CLOUD_PROFILES[cloud];
      expect(shortGraphScope(qualifyGraphScope("GroupMember.Read.All", graphResource), graphResource)).toBe("GroupMember.Read.All");
    }
  });
});
