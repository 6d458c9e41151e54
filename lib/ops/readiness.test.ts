import { describe, expect, it } from "vitest";
import { resolveCloudEndpoints } from "@/lib/config/cloud-profiles";
import type { ServerEnv } from "@/lib/config/server-env";
import { checkReadiness, metadataUrl, type ReadinessProbes } from "./readiness";

const METADATA = { issuer: "https://login.microsoftonline.com/t/v2.0", authorization_endpoint: "https://a", token_endpoint: "https://t" };

function envFor(overrides: Partial<ServerEnv> = {}): ServerEnv {
  const endpoints = resolveCloudEndpoints({ cloud: "usgov", tenantId: "contoso.onmicrosoft.us" });
  return {
    AUTH_CLOUD: "usgov",
    AUTH_CLIENT_ID: "11111111-2222-3333-4444-555555555555",
    AUTH_PROTOCOL_MODE: "AAD",
    AUTH_KNOWN_AUTHORITIES: "",
    GRAPH_TIMEOUT_MS: 20_000,
    GRAPH_MAX_RETRIES: 3,
    GRAPH_MAX_RETRY_WAIT_MS: 10_000,
    endpoints,
    GRAPH_BASE_URL: endpoints.graphBaseUrl,
    ...overrides,
  } as ServerEnv;
}

function probes(overrides: Partial<ReadinessProbes> = {}): ReadinessProbes & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fetchMetadata: async (url) => {
      asked.push(url);
      return Response.json(METADATA);
    },
    resolveHost: async (host) => {
      asked.push(host);
      return { address: "192.0.2.1" };
    },
    timeoutMs: 200,
    ...overrides,
  };
}

describe("checkReadiness", () => {
  it("is ready when the configuration parses, the authority's metadata reads and both upstream hosts resolve, all from the cloud profile", async () => {
    const p = probes();
    const result = await checkReadiness(p, () => envFor());
    expect(result.ready).toBe(true);
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ["configuration", true],
      ["authority_metadata", true],
      ["graph_host", true],
      ["arm_host", true],
    ]);
    // US Gov: the login host, Graph and ARM of that cloud, never the global ones.
    expect(p.asked).toEqual([
      "https://login.microsoftonline.us/contoso.onmicrosoft.us/v2.0/.well-known/openid-configuration",
      "graph.microsoft.us",
      "management.usgovcloudapi.net",
    ]);
  });

  it("names each failing check with its reason: unresolvable host, metadata refused, metadata that is not OpenID", async () => {
    const unresolvable = Object.assign(new Error("getaddrinfo ENOTFOUND graph.microsoft.us"), { code: "ENOTFOUND" });
    const result = await checkReadiness(
      probes({ resolveHost: async (host) => { if (host.startsWith("graph")) throw unresolvable; }, fetchMetadata: async () => new Response("down", { status: 503 }) }),
      () => envFor(),
    );
    expect(result.ready).toBe(false);
    expect(result.checks.find((c) => c.name === "graph_host")).toMatchObject({ ok: false, detail: expect.stringContaining("ENOTFOUND") });
    expect(result.checks.find((c) => c.name === "arm_host")?.ok).toBe(true);
    expect(result.checks.find((c) => c.name === "authority_metadata")).toMatchObject({ ok: false, detail: expect.stringContaining("answered 503") });

    const notMetadata = await checkReadiness(probes({ fetchMetadata: async () => Response.json({ hello: "world" }) }), () => envFor());
    expect(notMetadata.checks.find((c) => c.name === "authority_metadata")).toMatchObject({ ok: false, detail: expect.stringContaining("not OpenID metadata") });
  });

  it("gives up on a host or an authority that does not answer in time instead of hanging the probe", async () => {
    const never = () => new Promise<never>(() => {});
    const result = await checkReadiness(
      probes({ resolveHost: never, fetchMetadata: (_url, signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))) }),
      () => envFor(),
    );
    expect(result.ready).toBe(false);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(["authority_metadata", "graph_host", "arm_host"]);
    expect(result.checks.find((c) => c.name === "graph_host")?.detail).toContain("no answer within 200 ms");
  });

  it("stops at a configuration that does not parse, saying which setting is wrong", async () => {
    const p = probes();
    const result = await checkReadiness(p, () => {
      throw new Error("Request Desk is misconfigured (AUTH_CLIENT_ID: expected string). See README, \"Configuration\".");
    });
    expect(result).toEqual({ ready: false, checks: [{ name: "configuration", ok: false, detail: expect.stringContaining("AUTH_CLIENT_ID") }] });
    expect(p.asked).toEqual([]);
  });

  it("reads the local provider's metadata where it is configured, and a generic OIDC authority's at its root", () => {
    expect(metadataUrl(envFor({ AUTH_METADATA_URL: "http://localhost:4100/.well-known/openid-configuration" }))).toBe("http://localhost:4100/.well-known/openid-configuration");
    const oidc = envFor({ AUTH_PROTOCOL_MODE: "OIDC", endpoints: { ...envFor().endpoints, authority: "https://idp.example/" } });
    expect(metadataUrl(oidc)).toBe("https://idp.example/.well-known/openid-configuration");
  });
});
