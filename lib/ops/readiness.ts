import "server-only";
import { lookup } from "node:dns/promises";
import { z } from "zod";
import { serverEnv, type ServerEnv } from "@/lib/config/server-env";

// Readiness (`/api/ready`), as opposed to liveness (`/api/health`): can this instance serve a signed-in user right
// now? It needs its configuration, the identity provider's OpenID metadata (the browser cannot sign in without it;
// MSAL reads it from the same place) and names it can resolve for Graph and Azure Resource Manager. None of these
// checks holds a user token, so a probe can call it as often as it likes; results are kept a few seconds anyway so
// that a probe storm does not become a storm against the authority.

export type ReadinessCheckName = "configuration" | "authority_metadata" | "graph_host" | "arm_host";

export interface ReadinessCheck {
  name: ReadinessCheckName;
  ok: boolean;
  /** What was checked, or why it failed: shown to operators, never holding a secret. */
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: ReadinessCheck[];
}

export interface ReadinessProbes {
  fetchMetadata: (url: string, signal: AbortSignal) => Promise<Response>;
  resolveHost: (hostname: string) => Promise<unknown>;
  timeoutMs: number;
}

const DEFAULT_PROBES: ReadinessProbes = {
  fetchMetadata: (url, signal) => fetch(url, { cache: "no-store", signal, redirect: "error" }),
  resolveHost: (hostname) => lookup(hostname),
  timeoutMs: 5_000,
};

const metadataSchema = z.object({ issuer: z.string(), authorization_endpoint: z.string(), token_endpoint: z.string() });

export async function checkReadiness(probes: ReadinessProbes = DEFAULT_PROBES, readEnv: () => ServerEnv = serverEnv): Promise<Readiness> {
  let env: ServerEnv;
  try {
    env = readEnv();
  } catch (error) {
    // The message names the variables at fault (lib/config/server-env.ts), never their values.
    return { ready: false, checks: [{ name: "configuration", ok: false, detail: error instanceof Error ? error.message : String(error) }] };
  }
  const checks = await Promise.all([
    checkMetadata(metadataUrl(env), probes),
    checkHost("graph_host", env.endpoints.graphBaseUrl, probes),
    checkHost("arm_host", env.endpoints.armBaseUrl, probes),
  ]);
  checks.unshift({ name: "configuration", ok: true, detail: `cloud ${env.AUTH_CLOUD}, client ${env.AUTH_CLIENT_ID}` });
  return { ready: checks.every((c) => c.ok), checks };
}

/** Where the OpenID metadata lives: set explicitly (the local provider), else where MSAL discovers it. */
export function metadataUrl(env: ServerEnv): string {
  if (env.AUTH_METADATA_URL) return env.AUTH_METADATA_URL;
  const authority = env.endpoints.authority.replace(/\/+$/, "");
  // Entra's v2.0 endpoint publishes its metadata under /v2.0; a generic OIDC authority at its root.
  return env.AUTH_PROTOCOL_MODE === "AAD" ? `${authority}/v2.0/.well-known/openid-configuration` : `${authority}/.well-known/openid-configuration`;
}

async function checkMetadata(url: string, probes: ReadinessProbes): Promise<ReadinessCheck> {
  const name = "authority_metadata";
  try {
    const response = await probes.fetchMetadata(url, AbortSignal.timeout(probes.timeoutMs));
    if (!response.ok) return { name, ok: false, detail: `${url} answered ${response.status}` };
    const parsed = metadataSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) return { name, ok: false, detail: `${url} is not OpenID metadata (no issuer or endpoints)` };
    return { name, ok: true, detail: `${url} (issuer ${parsed.data.issuer})` };
  } catch (error) {
    return { name, ok: false, detail: `${url} could not be read: ${reason(error)}` };
  }
}

async function checkHost(name: ReadinessCheckName, baseUrl: string, probes: ReadinessProbes): Promise<ReadinessCheck> {
  const { hostname } = new URL(baseUrl);
  try {
    await withTimeout(probes.resolveHost(hostname.replace(/^\[|\]$/g, "")), probes.timeoutMs);
    return { name, ok: true, detail: `${hostname} resolves` };
  } catch (error) {
    return { name, ok: false, detail: `${hostname} does not resolve: ${reason(error)}` };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code} (${error.message})` : error.name === "TimeoutError" ? "timed out" : error.message;
  }
  return String(error);
}
