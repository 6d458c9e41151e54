// End-to-end tests against a real provider started in-process on a free port, driven with plain fetch
// (redirects followed by hand, cookies kept), the way MSAL Browser talks to it.

import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { calculateJwkThumbprint, decodeJwt, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ADMIN, DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_TENANT_ID, MEGAN, ROLE_TEMPLATE_IDS } from "../demo-tenant";
import { CookieJar } from "./cookie-jar";
import { startIdentityProvider } from "./server";
import { SIGNING_KEY_FILE_NAME } from "./signing-key";
import {
  APP_ORIGIN,
  GRAPH,
  TokenResponse,
  authorizeUrl,
  form,
  location,
  openSignInPage,
  pkce,
  redeem,
  refresh,
  signIn,
  startTestProvider,
  type TestProvider,
} from "./test-driver";

let provider: TestProvider;
let idp: TestProvider["idp"];
let jwks: TestProvider["jwks"];
let dataDir: string;

beforeAll(async () => {
  provider = await startTestProvider();
  ({ idp, jwks, dataDir } = provider);
});

afterAll(async () => {
  await provider?.close();
});

describe("metadata", () => {
  it("answers /health", async () => {
    const response = await fetch(new URL("/health", idp.issuer));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("publishes discovery with the issuer and endpoints MSAL needs", async () => {
    expect(idp.issuer).toBe(`http://localhost:${idp.port}`);
    const response = await fetch(new URL("/.well-known/openid-configuration", idp.issuer));
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: `${idp.issuer}/auth`,
      token_endpoint: `${idp.issuer}/token`,
      jwks_uri: `${idp.issuer}/jwks`,
      end_session_endpoint: `${idp.issuer}/session/end`,
      code_challenge_methods_supported: ["S256"],
      response_types_supported: ["code"],
    });
  });

  it("publishes one RS256 key whose kid is its thumbprint, stored 0600 in the data dir", async () => {
    const { keys } = (await (await fetch(new URL("/jwks", idp.issuer))).json()) as JSONWebKeySet;
    expect(keys).toHaveLength(1);
    const [key] = keys;
    expect(key).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(key).not.toHaveProperty("d");
    expect(key?.kid).toBe(await calculateJwkThumbprint({ kty: "RSA", n: key?.n, e: key?.e }));
    const info = await stat(path.join(dataDir, SIGNING_KEY_FILE_NAME));
    expect(info.mode & 0o777).toBe(0o600);
  });

  it("keeps the same signing key after a restart with the same data dir", async () => {
    const before = await (await fetch(new URL("/jwks", idp.issuer))).json();
    const second = await startIdentityProvider({ port: 0, appOrigin: APP_ORIGIN, dataDir, log: false });
    try {
      const after = await (await fetch(new URL("/jwks", second.issuer))).json();
      expect(after).toEqual(before);
    } finally {
      await second.close();
    }
    const elsewhere = await mkdtemp(path.join(tmpdir(), "idp-test-other-"));
    const third = await startIdentityProvider({ port: 0, appOrigin: APP_ORIGIN, dataDir: elsewhere, log: false });
    try {
      expect(await (await fetch(new URL("/jwks", third.issuer))).json()).not.toEqual(before);
    } finally {
      await third.close();
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

describe("sign-in page", () => {
  it("shows a labelled form, the demo accounts and password, prefilled from login_hint", async () => {
    const browser = new CookieJar();
    const { interaction } = await openSignInPage(browser, idp.issuer, {
      scope: "openid profile User.Read",
      loginHint: "megan@contoso.test",
    });
    const response = await browser.fetch(interaction);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("<title>Sign in – Contoso (local identity provider)</title>");
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toMatch(/<input id="email" name="email" type="email" autocomplete="username"[^>]*value="megan@contoso.test"/);
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toMatch(/<input id="password" name="password" type="password"/);
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).toContain("Adele Vance");
    expect(html).toContain("admin@contoso.test");
    expect(html).toContain("megan@contoso.test");
    expect(html).toContain("Patti Fernandez — <code>admin@fabrikam.test</code> (Fabrikam)");
    expect(html).toContain("demo-password");
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[^"' <]+\.(css|js|woff2?)/); // no external resources
  });

  it("answers a wrong password with 401, an alert, the typed email kept, and no sign-in", async () => {
    const browser = new CookieJar();
    const { interaction } = await openSignInPage(browser, idp.issuer, { scope: "openid profile User.Read" });
    await browser.fetch(interaction);
    const response = await browser.fetch(interaction, form({ email: "admin@contoso.test", password: "nope" }));
    expect(response.status).toBe(401);
    expect(response.headers.get("location")).toBeNull();
    const html = await response.text();
    expect(html).toMatch(/role="alert"[^>]*>That email or password is not right\./);
    expect(html).toContain('value="admin@contoso.test"');

    // The interaction is still open: the right password now completes it.
    const retry = await browser.fetch(interaction, form({ email: "admin@contoso.test", password: DEMO_PASSWORD }));
    expect(retry.status).toBe(303);
  });

  it("rejects people who may not sign in, and escapes what was typed", async () => {
    const browser = new CookieJar();
    const { interaction } = await openSignInPage(browser, idp.issuer, { scope: "openid profile" });
    await browser.fetch(interaction);
    const colleague = await browser.fetch(interaction, form({ email: "alex@contoso.test", password: DEMO_PASSWORD }));
    expect(colleague.status).toBe(401);
    expect(await colleague.text()).toContain("That email or password is not right.");

    const sneaky = '"><script>alert(1)</script>';
    const response = await browser.fetch(interaction, form({ email: sneaky, password: "x" }));
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&#34;&#62;&#60;script&#62;");
  });

  it("shows a readable error page, without a stack, for a bad request", async () => {
    const url = authorizeUrl(idp.issuer, { scope: "openid", redirectUri: "http://evil.test/" }, pkce().challenge, "s");
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("The app asked to return to an address that is not registered for it.");
    expect(html).toContain("invalid_redirect_uri");
    expect(html).not.toMatch(/\bat [\w.<>]+ \(|node_modules/);
  });

  it("explains an expired or unknown sign-in page instead of failing", async () => {
    const response = await fetch(new URL("/interaction/doesnotexist", idp.issuer));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This sign-in page has expired or was already used.");
  });
});

describe("authorization code + PKCE", () => {
  const GRAPH_SCOPES = ["User.Read", "EntitlementManagement.ReadWrite.All", "RoleManagement.ReadWrite.Directory"];
  const SCOPE = ["openid", "profile", "offline_access", ...GRAPH_SCOPES].join(" ");

  it("issues a verifiable Graph access token with Entra-style claims, and refreshes it", async () => {
    const browser = new CookieJar();
    const { code, verifier } = await signIn(browser, idp.issuer, { scope: SCOPE, email: "admin@contoso.test" });

    const response = await redeem(idp.issuer, code, verifier, SCOPE);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    const tokens = TokenResponse(await response.json());
    expect(tokens.token_type).toBe("Bearer");
    expect(tokens.expires_in).toBeGreaterThan(3500);
    expect(tokens.refresh_token).toBeTruthy();
    expect(JSON.parse(Buffer.from(tokens.client_info, "base64url").toString())).toEqual({
      uid: ADMIN.oid,
      utid: DEMO_TENANT_ID,
    });

    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, {
      issuer: idp.issuer,
      audience: GRAPH,
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload.scp).toBe(GRAPH_SCOPES.join(" "));
    expect(tokens.scope).toBe(GRAPH_SCOPES.join(" "));
    expect(payload).not.toHaveProperty("xms_cc");
    expect(payload).not.toHaveProperty("acrs");
    expect(payload).toMatchObject({
      aud: GRAPH,
      iss: idp.issuer,
      sub: ADMIN.oid,
      oid: ADMIN.oid,
      tid: DEMO_TENANT_ID,
      name: "Adele Vance",
      preferred_username: "admin@contoso.test",
      azp: DEMO_CLIENT_ID,
      ver: "2.0",
    });
    expect(payload.wids).toEqual([
      ROLE_TEMPLATE_IDS.privilegedRoleAdministrator,
      ROLE_TEMPLATE_IDS.identityGovernanceAdministrator,
      ROLE_TEMPLATE_IDS.defaultUser,
    ]);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    expect(payload).not.toHaveProperty("scope");

    const idToken = await jwtVerify(tokens.id_token, jwks, { issuer: idp.issuer, audience: DEMO_CLIENT_ID });
    expect(idToken.payload).toMatchObject({
      sub: ADMIN.oid,
      oid: ADMIN.oid,
      tid: DEMO_TENANT_ID,
      name: "Adele Vance",
      preferred_username: "admin@contoso.test",
    });

    // MSAL's silent renewal: refresh_token grant, re-sending offline_access and the scopes it wants now (a subset
    // of the sign-in's): the renewed token carries those.
    const refreshed = await refresh(
      idp.issuer,
      tokens.refresh_token ?? "",
      "User.Read EntitlementManagement.ReadWrite.All openid profile offline_access",
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    const renewed = TokenResponse(await refreshed.json());
    expect(renewed.refresh_token).toBeTruthy();
    expect(renewed.client_info).toBe(tokens.client_info);
    const again = await jwtVerify(renewed.access_token, jwks, { issuer: idp.issuer, audience: GRAPH });
    expect(again.payload.scp).toBe("User.Read EntitlementManagement.ReadWrite.All");
    expect(renewed.scope).toBe("User.Read EntitlementManagement.ReadWrite.All");
    expect(again.payload.oid).toBe(ADMIN.oid);
  });

  it("accepts fully-qualified Graph scopes and puts short names in scp", async () => {
    const browser = new CookieJar();
    const scope = `openid profile ${GRAPH}/User.Read ${GRAPH}/EntitlementManagement.Read.All`;
    const { code, verifier } = await signIn(browser, idp.issuer, { scope, email: "megan@contoso.test" });
    const response = await redeem(idp.issuer, code, verifier, scope);
    expect(response.status).toBe(200);
    const { access_token: accessToken } = TokenResponse(await response.json());
    const { payload } = await jwtVerify(accessToken, jwks, { issuer: idp.issuer, audience: GRAPH });
    expect(payload.scp).toBe("User.Read EntitlementManagement.Read.All");
    expect(payload.wids).toEqual([ROLE_TEMPLATE_IDS.defaultUser]);
    expect(payload.oid).toBe(MEGAN.oid);
  });

  it("signs in silently (prompt=none, redirect bridge URI) while the session lasts", async () => {
    const browser = new CookieJar();
    await signIn(browser, idp.issuer, { scope: SCOPE, email: "admin@contoso.test" });
    const { challenge } = pkce();
    const silent = await browser.fetch(
      authorizeUrl(idp.issuer, { scope: SCOPE, prompt: "none", redirectUri: `${APP_ORIGIN}/redirect` }, challenge, "s2"),
    );
    expect(silent.status).toBe(303);
    const callback = location(silent, idp.issuer);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${APP_ORIGIN}/redirect`);
    expect(callback.searchParams.get("code")).toBeTruthy();
  });

  it("rejects a code redemption without the PKCE verifier", async () => {
    const browser = new CookieJar();
    const { code } = await signIn(browser, idp.issuer, { scope: SCOPE, email: "admin@contoso.test" });
    const response = await redeem(idp.issuer, code, "wrong-verifier-wrong-verifier-wrong-verifier-00", SCOPE);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("signs out without a click and returns to the app", async () => {
    const browser = new CookieJar();
    const { code, verifier } = await signIn(browser, idp.issuer, { scope: SCOPE, email: "admin@contoso.test" });
    const tokens = TokenResponse(await (await redeem(idp.issuer, code, verifier, SCOPE)).json());

    const end = new URL("/session/end", idp.issuer);
    end.search = new URLSearchParams({
      client_id: DEMO_CLIENT_ID,
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: `${APP_ORIGIN}/`,
      state: "bye",
    }).toString();
    const page = await browser.fetch(end);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Signing you out…");
    expect(html).toContain('name="logout" value="yes"');
    expect(html).toContain("document.getElementById('op.logoutForm').submit();");
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(xsrf).toBeTruthy();

    const confirmed = await browser.fetch(new URL("/session/end/confirm", idp.issuer), form({ xsrf: xsrf ?? "", logout: "yes" }));
    expect(confirmed.status).toBe(303);
    expect(location(confirmed, idp.issuer).href).toBe(`${APP_ORIGIN}/?state=bye`);

    // The session is gone: a silent sign-in now needs the person.
    const silent = await browser.fetch(authorizeUrl(idp.issuer, { scope: SCOPE, prompt: "none" }, pkce().challenge, "s3"));
    expect(location(silent, idp.issuer).searchParams.get("error")).toBe("login_required");
    // Like Entra, sign-out ends the browser session but not refresh tokens (they are not tied to the session;
    // MSAL forgets them from its cache on logout).
    const refresh = await fetch(new URL("/token", idp.issuer), {
      ...form({ client_id: DEMO_CLIENT_ID, grant_type: "refresh_token", refresh_token: tokens.refresh_token ?? "" }),
    });
    expect(refresh.status).toBe(200);
    const renewed = TokenResponse(await refresh.json());
    expect(decodeJwt(renewed.access_token).oid).toBe(ADMIN.oid);
  });

  it("honours MSAL's logout request, which names neither client nor ID token, but only registered addresses", async () => {
    const browser = new CookieJar();
    await signIn(browser, idp.issuer, { scope: SCOPE, email: "admin@contoso.test" });
    const bad = await browser.fetch(
      new URL(`/session/end?post_logout_redirect_uri=${encodeURIComponent("http://evil.test/")}`, idp.issuer),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("post_logout_redirect_uri not registered");

    const end = new URL("/session/end", idp.issuer);
    end.search = new URLSearchParams({ post_logout_redirect_uri: `${APP_ORIGIN}/`, state: "msal-state" }).toString();
    const page = await browser.fetch(end);
    expect(page.status).toBe(200);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await page.text())?.[1];
    const confirmed = await browser.fetch(new URL("/session/end/confirm", idp.issuer), form({ xsrf: xsrf ?? "", logout: "yes" }));
    expect(location(confirmed, idp.issuer).href).toBe(`${APP_ORIGIN}/?state=msal-state`);
  });

  it("shows the sign-in page again for prompt=select_account and prompt=login", async () => {
    const browser = new CookieJar();
    await signIn(browser, idp.issuer, { scope: SCOPE, email: "admin@contoso.test" });
    for (const prompt of ["select_account", "login"]) {
      const response = await browser.fetch(authorizeUrl(idp.issuer, { scope: SCOPE, prompt }, pkce().challenge, "p"));
      expect(location(response, idp.issuer).pathname).toMatch(/^\/interaction\//);
    }
    // ...and a different person can sign in from there.
    const { code, verifier } = await signIn(browser, idp.issuer, {
      scope: SCOPE,
      email: "megan@contoso.test",
      prompt: "select_account",
    });
    const tokens = TokenResponse(await (await redeem(idp.issuer, code, verifier, SCOPE)).json());
    expect(decodeJwt(tokens.access_token).oid).toBe(MEGAN.oid);
  });

  it("shows the signed-out page when the app gives no return address", async () => {
    const browser = new CookieJar();
    await signIn(browser, idp.issuer, { scope: SCOPE, email: "megan@contoso.test" });
    const page = await browser.fetch(new URL(`/session/end?client_id=${DEMO_CLIENT_ID}`, idp.issuer));
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await page.text())?.[1];
    const confirmed = await browser.fetch(new URL("/session/end/confirm", idp.issuer), form({ xsrf: xsrf ?? "", logout: "yes" }));
    expect(confirmed.status).toBe(303);
    const success = await browser.fetch(location(confirmed, idp.issuer));
    expect(success.status).toBe(200);
    expect(await success.text()).toContain("You're signed out");
  });
});
