// Test helpers: a throwaway signing key served from an in-test JWKS, ARM tokens shaped like the identity
// provider's (oid, tid, scp "user_impersonation", preferred_username; optionally xms_cc and acrs), and a small client
// for the emulator. Not a test file itself.

import http from "node:http";
import type { AddressInfo } from "node:net";

import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, beforeEach } from "vitest";

import { DEMO_TENANT_ID, type DemoPerson } from "../demo-tenant";
import { ARM_DEFAULT_AUDIENCE, startArmEmulator, type ArmEmulatorOptions } from "./server";

export const ARM_TEST_ISSUER = "http://test-idp.localhost";

/** The schedule request paths of a scope id ("/subscriptions/…" → "/subscriptions/…/providers/Microsoft.Authorization/…"). */
export const ASSIGNMENT_REQUESTS = "providers/Microsoft.Authorization/roleAssignmentScheduleRequests";
export const ELIGIBILITY_REQUESTS = "providers/Microsoft.Authorization/roleEligibilityScheduleRequests";
export const PIM_API = "api-version=2020-10-01";

export interface ArmTokenOptions {
  /** `scp`; default ["user_impersonation"]. */
  scopes?: readonly string[];
  /** `tid`; default the person's tenant (Contoso unless the person says otherwise); null = no claim. */
  tenantId?: string | null;
  capabilities?: readonly string[];
  authContexts?: readonly string[];
  /** Default https://management.azure.com. */
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative = already expired. */
  expiresIn?: number;
  /** Sign with a key the JWKS does not publish. */
  foreignKey?: boolean;
}

export interface ArmAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  body: any;
  text: string;
}

export async function startArmHarness(options: ArmEmulatorOptions = {}) {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const foreign = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "arm-test-key", alg: "RS256", use: "sig" };
  const jwks = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;
  const emulator = await startArmEmulator({ port: 0, issuer: ARM_TEST_ISSUER, jwksUrl, throttle: false, ...options });

  async function token(person: DemoPerson, opts: ArmTokenOptions = {}): Promise<string> {
    const key: CryptoKey = opts.foreignKey ? foreign.privateKey : privateKey;
    const now = Math.floor(Date.now() / 1000);
    const tenantId = opts.tenantId === undefined ? (person.tenantId ?? DEMO_TENANT_ID) : opts.tenantId;
    return new SignJWT({
      oid: person.oid,
      ...(tenantId !== null ? { tid: tenantId } : {}),
      scp: (opts.scopes ?? ["user_impersonation"]).join(" "),
      name: person.displayName,
      preferred_username: person.userPrincipalName,
      ...(opts.capabilities ? { xms_cc: [...opts.capabilities] } : {}),
      ...(opts.authContexts ? { acrs: [...opts.authContexts] } : {}),
    })
      .setProtectedHeader({ alg: "RS256", kid: "arm-test-key" })
      .setIssuer(opts.issuer ?? ARM_TEST_ISSUER)
      .setAudience(opts.audience ?? ARM_DEFAULT_AUDIENCE)
      .setSubject(person.oid)
      .setIssuedAt(now - 60)
      .setExpirationTime(now + (opts.expiresIn ?? 3600))
      .sign(key);
  }

  async function call(path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ArmAnswer> {
    const response = await fetch(path.startsWith("http") ? path : `${emulator.url}${path}`, {
      method: init.method ?? (init.body !== undefined ? "POST" : "GET"),
      headers: {
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
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

  /** Follows nextLink verbatim until it is absent; returns every page. */
  async function allPages(path: string, bearer: string): Promise<ArmAnswer[]> {
    const pages: ArmAnswer[] = [];
    for (let next: string | undefined = path; next; ) {
      const answer = await call(next, { token: bearer });
      if (answer.status !== 200) throw new Error(`Page ${next} answered ${answer.status}: ${answer.text}`);
      pages.push(answer);
      next = answer.body.nextLink;
    }
    return pages;
  }

  /** Every item of a paged list. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  const allItems = async (path: string, bearer: string): Promise<any[]> => (await allPages(path, bearer)).flatMap((p) => p.body.value);

  return {
    url: emulator.url,
    token,
    call,
    allPages,
    allItems,
    reset: () => call("/_arm/reset", { method: "POST" }),
    control: (path: string, body?: unknown, method?: string) => call(`/_arm/${path}`, { ...(body === undefined ? {} : { body }), ...(method ? { method } : {}) }),
    async close() {
      await emulator.close();
      await new Promise<void>((resolve) => jwks.close(() => resolve()));
    },
  };
}

export type ArmHarness = Awaited<ReturnType<typeof startArmHarness>>;

/** `${scope}/providers/Microsoft.Authorization/<collection>[/name[/cancel]]?api-version=2020-10-01[&…]`. */
export function pimPath(scope: string, collection: string, rest = "", query = ""): string {
  const base = scope === "/" ? "" : scope;
  return `${base}/${collection}${rest ? `/${rest}` : ""}?${PIM_API}${query ? `&${query}` : ""}`;
}

/**
 * One emulator for a whole test file, back to its seed before every test. What it returns stands for the running
 * harness (use it in tests and hooks, not at module load).
 */
export function armHarnessForFile(options: ArmEmulatorOptions = {}): ArmHarness {
  let running: ArmHarness | undefined;
  beforeAll(async () => {
    running = await startArmHarness(options);
  });
  afterAll(() => running?.close());
  beforeEach(async () => {
    await running!.reset();
  });
  return new Proxy({} as ArmHarness, {
    get(_, key) {
      if (!running) throw new Error("The ARM emulator of this test file is not running yet: use it inside tests and hooks.");
      return running[key as keyof ArmHarness];
    },
  });
}
