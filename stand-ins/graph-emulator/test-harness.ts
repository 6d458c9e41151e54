// Test helpers: a throwaway signing key served from an in-test JWKS, tokens shaped like the identity provider's
// (oid, tid, scp, wids; optionally xms_cc and acrs), and a small client for the emulator. Not a test file itself.

import http from "node:http";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { AddressInfo } from "node:net";

import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";

import { DEMO_TENANT_ID, GRAPH_DELEGATED_SCOPES, ROLE_TEMPLATE_IDS, type DemoPerson } from "../demo-tenant";
import { startGraphEmulator, type GraphEmulatorOptions } from "./server";

export const TEST_ISSUER = "http://test-idp.localhost";

export interface TokenOptions {
  /** The `scp` claim; default every scope in the catalogue (each test says what it withholds). */
  scopes?: readonly string[];
  /** The `tid` claim; default the person's tenant (Contoso unless `tenantId` says otherwise); null = no claim. */
  tenantId?: string | null;
  /** The `xms_cc` claim (client capabilities), e.g. ["cp1"]; absent by default. */
  capabilities?: readonly string[];
  /** The `acrs` claim (satisfied authentication contexts), e.g. ["c1"]; absent by default. */
  authContexts?: readonly string[];
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative = already expired. */
  expiresIn?: number;
  /** Sign with a key the JWKS does not publish. */
  foreignKey?: boolean;
}

export interface GraphAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  body: any;
  text: string;
}

export async function startHarness(options: GraphEmulatorOptions = {}) {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const foreign = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const jwks = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;
  const emulator = await startGraphEmulator({ port: 0, issuer: TEST_ISSUER, jwksUrl, throttlePer10s: 0, ...options });

  async function token(person: DemoPerson, opts: TokenOptions = {}): Promise<string> {
    const key: CryptoKey = opts.foreignKey ? foreign.privateKey : privateKey;
    const now = Math.floor(Date.now() / 1000);
    const tenantId = opts.tenantId === undefined ? (person.tenantId ?? DEMO_TENANT_ID) : opts.tenantId;
    return new SignJWT({
      oid: person.oid,
      ...(tenantId !== null ? { tid: tenantId } : {}),
      scp: (opts.scopes ?? GRAPH_DELEGATED_SCOPES).join(" "),
      wids: [...person.directoryRoles, ROLE_TEMPLATE_IDS.defaultUser],
      name: person.displayName,
      ...(opts.capabilities ? { xms_cc: [...opts.capabilities] } : {}),
      ...(opts.authContexts ? { acrs: [...opts.authContexts] } : {}),
    })
      .setProtectedHeader({ alg: "RS256", kid: "test-key" })
      .setIssuer(opts.issuer ?? TEST_ISSUER)
      .setAudience(opts.audience ?? "https://graph.microsoft.com")
      .setSubject(person.oid)
      .setIssuedAt(now - 60)
      .setExpirationTime(now + (opts.expiresIn ?? 3600))
      .sign(key);
  }

  async function call(path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<GraphAnswer> {
    const url = path.startsWith("http") ? path : `${emulator.url}${path}`;
    const response = await fetch(url, {
      method: init.method ?? (init.body !== undefined ? "POST" : "GET"),
      headers: {
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: response.status, headers: response.headers, body, text };
  }

  /** Follows @odata.nextLink verbatim until it is absent; returns every page. */
  async function allPages(path: string, bearer: string): Promise<GraphAnswer[]> {
    const pages: GraphAnswer[] = [];
    let next: string | undefined = path;
    while (next) {
      const page = await call(next, { token: bearer });
      if (page.status !== 200) throw new Error(`Page ${next} answered ${page.status}: ${page.text}`);
      pages.push(page);
      next = page.body["@odata.nextLink"];
    }
    return pages;
  }

  return {
    url: emulator.url,
    token,
    call,
    allPages,
    reset: () => call("/_emulator/reset", { method: "POST" }),
    async close() {
      await emulator.close();
      await new Promise<void>((resolve) => jwks.close(() => resolve()));
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export const PIM_GROUP_BASE = "/v1.0/identityGovernance/privilegedAccess/group";
export const AP_V1_BASE = "/v1.0/identityGovernance/entitlementManagement/assignmentRequests";
export const AP_BETA_OLD_BASE = "/beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests";
export const GOVERNANCE_BASE = "/beta/privilegedAccess";
export const PRIVILEGED_ROLE_BASE = "/beta/privilegedRoleAssignmentRequests";
export const ROLE_MANAGEMENT_BASE = "/v1.0/roleManagement/directory";

/**
 * One emulator for a whole test file, back to its seed before every test: starts it before the file's tests, stops
 * it after them. What it returns stands for the running harness (read it in tests and hooks, not at module load);
 * a file's own `beforeAll` registered after this call runs once the emulator is up.
 */
export function harnessForFile(options: GraphEmulatorOptions = {}): Harness {
  let running: Harness | undefined;
  beforeAll(async () => {
    running = await startHarness(options);
  });
  afterAll(() => running?.close());
  beforeEach(async () => {
    await running!.reset();
  });
  return new Proxy({} as Harness, {
    get(_, key) {
      if (!running) throw new Error("The emulator of this test file is not running yet: use it inside tests and hooks.");
      return running[key as keyof Harness];
    },
  });
}
