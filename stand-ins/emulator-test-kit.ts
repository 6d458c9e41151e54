// What the Graph and ARM emulators' test harnesses share: a throwaway signing key published on an in-test JWKS (the
// emulators verify tokens as they would the identity provider's), a JSON client, and one emulator per test file.
// Not a test file itself.

import http from "node:http";
import type { AddressInfo } from "node:net";

import { exportJWK, generateKeyPair, type CryptoKey } from "jose";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface TestSigningKeys {
  kid: string;
  privateKey: CryptoKey;
  /** A key the JWKS does not publish, for "invalid signature" cases. */
  foreignKey: CryptoKey;
  jwksUrl: string;
  close(): Promise<void>;
}

export async function startTestJwks(kid: string): Promise<TestSigningKeys> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const foreign = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const server = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    kid,
    privateKey,
    foreignKey: foreign.privateKey,
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  body: any;
  text: string;
}

export interface CallInit {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One call as a test makes it: POST when there is a body, JSON in and out (a string body is sent as it is). */
export async function callJson(url: string, init: CallInit = {}): Promise<JsonAnswer> {
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

/**
 * One emulator for a whole test file, back to its seed before every test: started before the file's tests, stopped
 * after them. What it returns stands for the running harness (read it in tests and hooks, not at module load); a
 * file's own `beforeAll` registered after this call runs once the emulator is up.
 */
export function harnessPerFile<H extends { reset(): Promise<unknown>; close(): Promise<void> }>(start: () => Promise<H>, what: string): H {
  let running: H | undefined;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(() => running?.close());
  beforeEach(async () => {
    await running!.reset();
  });
  return new Proxy({} as H, {
    get(_, key) {
      if (!running) throw new Error(`The ${what} of this test file is not running yet: use it inside tests and hooks.`);
      return running[key as keyof H];
    },
  });
}
