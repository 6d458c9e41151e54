// What the identity provider's tests share: an in-process provider on a free port, and the flows MSAL Browser runs
// against it (authorize → sign-in page → resume → code → token), driven with plain fetch, redirects followed by
// hand and cookies kept (CookieJar). Not a test file itself.

import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createLocalJWKSet, decodeJwt, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";

import { ARM_RESOURCE, DEMO_CLIENT_ID, DEMO_PASSWORD } from "../demo-tenant";
import { CookieJar } from "./cookie-jar";
import { startIdentityProvider, type RunningIdentityProvider } from "./server";

export const APP_ORIGIN = "http://localhost:3999";
export const GRAPH = "https://graph.microsoft.com";
export const ARM = ARM_RESOURCE;
/** What MSAL sends on /auth and /token when the app declares clientCapabilities ["CP1"]. */
export const CP1_CLAIMS = JSON.stringify({ access_token: { xms_cc: { values: ["CP1"] } } });
/** A claims challenge for auth context c1, merged with CP1 as MSAL sends it. */
export const STEP_UP_CLAIMS = JSON.stringify({ access_token: { xms_cc: { values: ["CP1"] }, acrs: { essential: true, value: "c1" } } });
/** What the app asks for at sign-in: User.Read only; the rest comes from `.default`. */
export const SIGN_IN_SCOPE = "openid profile offline_access https://graph.microsoft.com/User.Read";
/** acquireTokenSilent({ scopes: [`${GRAPH}/.default`] }) as MSAL sends it. */
export const GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default openid profile offline_access";

export interface TestProvider {
  idp: RunningIdentityProvider;
  dataDir: string;
  jwks: ReturnType<typeof createLocalJWKSet>;
  close(): Promise<void>;
}

export async function startTestProvider({ armResource }: { armResource?: string } = {}): Promise<TestProvider> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "idp-test-"));
  const idp = await startIdentityProvider({ port: 0, appOrigin: APP_ORIGIN, dataDir, log: false, ...(armResource ? { armResource } : {}) });
  const jwks = createLocalJWKSet((await (await fetch(new URL("/jwks", idp.issuer))).json()) as JSONWebKeySet);
  return {
    idp,
    dataDir,
    jwks,
    close: async () => {
      await idp.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function location(response: Response, base: string): URL {
  const value = response.headers.get("location");
  if (!value) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(value, base);
}

export function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  body: new URLSearchParams(fields).toString(),
});

export interface AuthorizeOptions {
  scope: string;
  redirectUri?: string;
  loginHint?: string;
  prompt?: string;
  /** The OpenID `claims` parameter (JSON), as MSAL sends it. */
  claims?: string;
}

export function authorizeUrl(issuer: string, options: AuthorizeOptions, challenge: string, state: string): URL {
  const url = new URL("/auth", issuer);
  url.search = new URLSearchParams({
    client_id: DEMO_CLIENT_ID,
    response_type: "code",
    response_mode: "query",
    redirect_uri: options.redirectUri ?? `${APP_ORIGIN}/`,
    scope: options.scope,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state,
    nonce: randomBytes(8).toString("hex"),
    "client-request-id": "00000000-0000-0000-0000-000000000001", // MSAL extras are ignored
    ...(options.loginHint ? { login_hint: options.loginHint } : {}),
    ...(options.prompt ? { prompt: options.prompt } : {}),
    ...(options.claims ? { claims: options.claims } : {}),
  }).toString();
  return url;
}

/** Opens /auth and returns the sign-in page's URL. */
export async function openSignInPage(browser: CookieJar, issuer: string, options: AuthorizeOptions) {
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString("hex");
  const start = await browser.fetch(authorizeUrl(issuer, options, challenge, state));
  expect(start.status).toBe(303);
  const interaction = location(start, issuer);
  expect(interaction.pathname).toMatch(/^\/interaction\/[\w-]+$/);
  return { interaction, verifier, state };
}

/**
 * /auth → sign-in page → POST credentials → resume. Returns where the resume sends the browser: the redirect URI
 * (with a code or an error) or the next interaction page (step-up, consent).
 */
export async function signInUntilNextStop(browser: CookieJar, issuer: string, options: AuthorizeOptions & { email: string }) {
  const { interaction, verifier, state } = await openSignInPage(browser, issuer, options);
  const page = await browser.fetch(interaction);
  expect(page.status).toBe(200);
  const submitted = await browser.fetch(interaction, form({ email: options.email, password: DEMO_PASSWORD }));
  expect(submitted.status).toBe(303);
  let resumed = await browser.fetch(location(submitted, issuer));
  if (resumed.status === 200) {
    // A different person signed in over an existing session: oidc-provider first ends the old session with a
    // self-submitting form (a browser posts it by script), then resumes.
    const html = await resumed.text();
    const action = /<form[^>]+action="([^"]+)"/.exec(html)?.[1] ?? "";
    const fields = Object.fromEntries([...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    expect(new URL(action).pathname).toBe("/session/end/confirm");
    const ended = await browser.fetch(action, form(fields));
    resumed = await browser.fetch(location(ended, issuer));
  }
  expect(resumed.status).toBe(303);
  return { next: location(resumed, issuer), verifier, state };
}

/** Asserts that `next` is the app's redirect URI with a code for `state`, and returns the code. */
export function codeFrom(next: URL, state: string, redirectUri = `${APP_ORIGIN}/`): string {
  expect(`${next.origin}${next.pathname}`).toBe(redirectUri);
  expect(next.searchParams.get("error_description")).toBeNull();
  expect(next.searchParams.get("state")).toBe(state);
  const code = next.searchParams.get("code");
  expect(code).toBeTruthy();
  return code ?? "";
}

/** The whole sign-in: /auth → sign-in page → POST credentials → resume → redirect URI with a code. */
export async function signIn(browser: CookieJar, issuer: string, options: AuthorizeOptions & { email: string }) {
  const { next, verifier, state } = await signInUntilNextStop(browser, issuer, options);
  return { code: codeFrom(next, state, options.redirectUri), verifier };
}

/** Follows a finished interaction (POST answered 303 to the resume URL) to where the resume sends the browser. */
export async function resume(browser: CookieJar, issuer: string, submitted: Response): Promise<URL> {
  expect(submitted.status).toBe(303);
  const resumed = await browser.fetch(location(submitted, issuer));
  expect(resumed.status).toBe(303);
  return location(resumed, issuer);
}

const fromTheApp = { origin: APP_ORIGIN };

/** Redeems a code like MSAL does (from the browser, so with an Origin header and the scope re-sent). */
export async function redeem(
  issuer: string,
  code: string,
  verifier: string,
  scope: string,
  { redirectUri = `${APP_ORIGIN}/`, claims }: { redirectUri?: string; claims?: string } = {},
) {
  return fetch(
    new URL("/token", issuer),
    form(
      {
        client_id: DEMO_CLIENT_ID,
        grant_type: "authorization_code",
        code,
        code_verifier: verifier,
        redirect_uri: redirectUri,
        scope,
        client_info: "1",
        ...(claims ? { claims } : {}),
      },
      fromTheApp,
    ),
  );
}

/** acquireTokenSilent's network call: a refresh_token grant with the scopes (and claims) it wants. */
export async function refresh(issuer: string, refreshToken: string, scope?: string, claims?: string) {
  return fetch(
    new URL("/token", issuer),
    form(
      {
        client_id: DEMO_CLIENT_ID,
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        client_info: "1",
        ...(scope ? { scope } : {}),
        ...(claims ? { claims } : {}),
      },
      fromTheApp,
    ),
  );
}

export interface TokenResponseBody {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
  scope: string;
  client_info: string;
}

export const TokenResponse = (value: unknown) => value as TokenResponseBody;

/** Signs `email` in for `scope` and redeems the code: the tokens MSAL holds after loginRedirect. */
export async function signedInTokens(issuer: string, email: string, scope: string, claims?: string): Promise<TokenResponseBody> {
  const { code, verifier } = await signIn(new CookieJar(), issuer, { scope, email, ...(claims ? { claims } : {}) });
  const response = await redeem(issuer, code, verifier, scope, claims ? { claims } : {});
  expect(response.status).toBe(200);
  return TokenResponse(await response.json());
}

/** Calls a control endpoint (/_idp/…) with a JSON body. */
export async function control(issuer: string, pathname: string, method = "GET", body?: unknown) {
  const response = await fetch(new URL(pathname, issuer), {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * One provider for a test file: started before its tests, closed after, and (unless `resetEach` is false) returned to
 * its start (consent records, step-ups) before each test. `onStart` receives it, for the file's own variables.
 */
export function providerForFile(onStart: (provider: TestProvider) => void, { resetEach = true } = {}): void {
  let provider: TestProvider | undefined;
  beforeAll(async () => {
    provider = await startTestProvider();
    onStart(provider);
  });
  afterAll(async () => {
    await provider?.close();
  });
  if (resetEach) {
    beforeEach(async () => {
      expect((await control(provider!.idp.issuer, "/_idp/reset", "POST")).status).toBe(200);
    });
  }
}

/** A successful token answer with its access token's claims. */
export async function tokensFrom(response: Response) {
  expect(response.status).toBe(200);
  const tokens = TokenResponse(await response.json());
  return { ...tokens, claims: decodeJwt(tokens.access_token) };
}
