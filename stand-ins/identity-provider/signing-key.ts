// The provider's RS256 signing key, generated once and kept as a private JWK file in the data directory, so
// tokens issued before a restart still verify after it. The cookie-signing keys are derived from the same file.

import { createHmac } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";
import { z } from "zod";

export const SIGNING_KEY_FILE_NAME = "identity-provider-signing-key.json";

const b64u = z.string().regex(/^[A-Za-z0-9_-]+$/);

const PrivateSigningJwk = z.object({
  kty: z.literal("RSA"),
  kid: z.string().min(1),
  alg: z.literal("RS256"),
  use: z.literal("sig"),
  n: b64u,
  e: b64u,
  d: b64u,
  p: b64u,
  q: b64u,
  dp: b64u,
  dq: b64u,
  qi: b64u,
});

export type PrivateSigningJwk = z.infer<typeof PrivateSigningJwk>;

export interface SigningMaterial {
  /** Private JWK (with `kid` = RFC 7638 thumbprint) for oidc-provider's `jwks`. */
  jwk: PrivateSigningJwk;
  /** Where the key lives. */
  file: string;
  /** Stable secrets for oidc-provider's signed cookies. */
  cookieKeys: string[];
}

export async function loadOrCreateSigningKey(dataDir: string): Promise<SigningMaterial> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, SIGNING_KEY_FILE_NAME);

  let jwk = await readKeyFile(file);
  if (!jwk) {
    const created = await generateSigningJwk();
    try {
      // `wx`: never overwrite a key another process wrote a moment ago; 0600: only the owner can read it.
      await writeFile(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600, flag: "wx" });
      jwk = created;
    } catch (error) {
      if (!isErrno(error, "EEXIST")) throw error;
      jwk = await readKeyFile(file);
      if (!jwk) throw new Error(`Signing key file ${file} vanished while starting`);
    }
  }
  return { jwk, file, cookieKeys: deriveCookieKeys(jwk) };
}

async function readKeyFile(file: string): Promise<PrivateSigningJwk | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (isErrno(error, "ENOENT")) return undefined;
    throw error;
  }
  let parsed: PrivateSigningJwk;
  try {
    parsed = PrivateSigningJwk.parse(JSON.parse(text));
  } catch {
    throw new Error(`Signing key file ${file} is not a valid RS256 private JWK; delete it to generate a new key`);
  }
  const thumbprint = await calculateJwkThumbprint({ kty: parsed.kty, n: parsed.n, e: parsed.e });
  if (parsed.kid !== thumbprint) {
    throw new Error(`Signing key file ${file} has a kid that is not its JWK thumbprint; delete it to generate a new key`);
  }
  return parsed;
}

async function generateSigningJwk(): Promise<PrivateSigningJwk> {
  const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const exported = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(exported);
  return PrivateSigningJwk.parse({ ...exported, kid, alg: "RS256", use: "sig" });
}

function deriveCookieKeys(jwk: PrivateSigningJwk): string[] {
  return [createHmac("sha256", jwk.d).update("request-desk/identity-provider/cookie-key/v1").digest("base64url")];
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
