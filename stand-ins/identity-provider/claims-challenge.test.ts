// Client capabilities (CP1 → xms_cc) and authentication-context step-up (claims challenge with acrs), as MSAL
// Browser with clientCapabilities ["CP1"] meets them at Entra.

import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";

import { ADMIN, DEMO_PASSWORD, FABRIKAM_TENANT_ID, PATTI } from "../demo-tenant";
import { clientInfo } from "./claims";
import { CookieJar } from "./cookie-jar";
import {
  APP_ORIGIN,
  authorizeUrl,
  codeFrom,
  control,
  CP1_CLAIMS,
  form,
  GRAPH_DEFAULT_SCOPE,
  location,
  pkce,
  providerForFile,
  redeem,
  refresh,
  resume,
  SIGN_IN_SCOPE,
  signedInTokens,
  signInUntilNextStop,
  STEP_UP_CLAIMS,
  TokenResponse,
} from "./test-driver";


let issuer: string;

providerForFile((started) => {
  issuer = started.idp.issuer;
});

async function accessTokenClaims(response: Response) {
  expect(response.status).toBe(200);
  const tokens = TokenResponse(await response.json());
  return { tokens, claims: decodeJwt(tokens.access_token) };
}

describe("client capabilities", () => {
  it("puts xms_cc [cp1] in access tokens only when the request declares CP1", async () => {
    const tokens = await signedInTokens(issuer, ADMIN.userPrincipalName, SIGN_IN_SCOPE, CP1_CLAIMS);
    expect(decodeJwt(tokens.access_token).xms_cc).toEqual(["cp1"]);

    const withCp1 = await accessTokenClaims(await refresh(issuer, tokens.refresh_token ?? "", GRAPH_DEFAULT_SCOPE, CP1_CLAIMS));
    expect(withCp1.claims.xms_cc).toEqual(["cp1"]);
    expect(withCp1.claims).not.toHaveProperty("acrs");
    const without = await accessTokenClaims(await refresh(issuer, withCp1.tokens.refresh_token ?? "", GRAPH_DEFAULT_SCOPE));
    expect(without.claims).not.toHaveProperty("xms_cc");
    const otherCapability = JSON.stringify({ access_token: { xms_cc: { values: ["CP2"] } } });
    const cp2 = await accessTokenClaims(await refresh(issuer, without.tokens.refresh_token ?? "", GRAPH_DEFAULT_SCOPE, otherCapability));
    expect(cp2.claims).not.toHaveProperty("xms_cc");
  });

  it("counts CP1 declared at /auth when the code is redeemed without it", async () => {
    const browser = new CookieJar();
    const { next, verifier, state } = await signInUntilNextStop(browser, issuer, { scope: SIGN_IN_SCOPE, email: ADMIN.userPrincipalName, claims: CP1_CLAIMS });
    const { claims } = await accessTokenClaims(await redeem(issuer, codeFrom(next, state), verifier, SIGN_IN_SCOPE));
    expect(claims.xms_cc).toEqual(["cp1"]);
  });

  it("refuses a claims parameter that is not a JSON object", async () => {
    const tokens = await signedInTokens(issuer, ADMIN.userPrincipalName, SIGN_IN_SCOPE);
    const response = await refresh(issuer, tokens.refresh_token ?? "", GRAPH_DEFAULT_SCOPE, "{not json");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });
});

describe("authentication-context step-up", () => {
  it("refuses a token request for an unsatisfied auth context with AADSTS50076 basic_action, echoing the claims", async () => {
    const tokens = await signedInTokens(issuer, ADMIN.userPrincipalName, SIGN_IN_SCOPE, CP1_CLAIMS);
    const response = await refresh(issuer, tokens.refresh_token ?? "", GRAPH_DEFAULT_SCOPE, STEP_UP_CLAIMS);
    expect(response.status).toBe(400);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: "invalid_grant", error_codes: [50076], suberror: "basic_action", claims: STEP_UP_CLAIMS });
    expect(body.error_description).toMatch(
      /^AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'\. Trace ID: /,
    );
  });

  it("asks for the password again at /auth, then issues tokens carrying acrs, also on refresh, until a reset", async () => {
    const browser = new CookieJar();
    const { next, verifier, state } = await signInUntilNextStop(browser, issuer, {
      scope: SIGN_IN_SCOPE,
      email: ADMIN.userPrincipalName,
      claims: STEP_UP_CLAIMS,
    });
    expect(next.pathname).toMatch(/^\/interaction\//);
    const page = await browser.fetch(next);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<h1>Verify your identity</h1>");
    expect(html).toContain("This stands in for multi-factor authentication: enter your password again.");
    expect(html).toContain("Adele Vance");
    expect(html).toMatch(/<input id="password" name="password" type="password"/);
    expect(html).not.toContain('name="email"');
    expect(html).not.toContain("<script");

    const wrong = await browser.fetch(next, form({ password: "nope" }));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toMatch(/role="alert"[^>]*>That password is not right\./);

    const back = await resume(browser, issuer, await browser.fetch(next, form({ password: DEMO_PASSWORD })));
    const { tokens, claims } = await accessTokenClaims(await redeem(issuer, codeFrom(back, state), verifier, SIGN_IN_SCOPE, { claims: STEP_UP_CLAIMS }));
    expect(claims.acrs).toEqual(["c1"]);
    expect(claims.xms_cc).toEqual(["cp1"]);

    // The app's silent retry with the same claims now succeeds; a plain CP1 request still carries acrs.
    const renewed = await accessTokenClaims(await refresh(issuer, tokens.refresh_token ?? "", GRAPH_DEFAULT_SCOPE, STEP_UP_CLAIMS));
    expect(renewed.claims.acrs).toEqual(["c1"]);
    const plain = await accessTokenClaims(await refresh(issuer, renewed.tokens.refresh_token ?? "", GRAPH_DEFAULT_SCOPE, CP1_CLAIMS));
    expect(plain.claims.acrs).toEqual(["c1"]);

    // A signed-in session asking again needs no page.
    const again = await browser.fetch(authorizeUrl(issuer, { scope: SIGN_IN_SCOPE, claims: STEP_UP_CLAIMS }, pkce().challenge, "again"));
    expect(location(again, issuer).searchParams.get("code")).toBeTruthy();

    await control(issuer, "/_idp/reset", "POST");
    const afterReset = await refresh(issuer, plain.tokens.refresh_token ?? "", GRAPH_DEFAULT_SCOPE, STEP_UP_CLAIMS);
    expect(afterReset.status).toBe(400);
    expect(await afterReset.json()).toMatchObject({ suberror: "basic_action" });
  });

  it("answers prompt=none with interaction_required (AADSTS50076) while the context is unsatisfied", async () => {
    const browser = new CookieJar();
    const { next, state } = await signInUntilNextStop(browser, issuer, { scope: SIGN_IN_SCOPE, email: ADMIN.userPrincipalName });
    codeFrom(next, state);
    const silent = await browser.fetch(
      authorizeUrl(issuer, { scope: SIGN_IN_SCOPE, prompt: "none", redirectUri: `${APP_ORIGIN}/redirect`, claims: STEP_UP_CLAIMS }, pkce().challenge, "s"),
    );
    const back = location(silent, issuer);
    expect(back.searchParams.get("error")).toBe("interaction_required");
    expect(back.searchParams.get("error_description")).toMatch(/^AADSTS50076: /);
  });
});

describe("tenants", () => {
  it("puts the person's own tenant in tid and client_info (Patti → Fabrikam)", async () => {
    const tokens = await signedInTokens(issuer, PATTI.userPrincipalName, SIGN_IN_SCOPE);
    expect(decodeJwt(tokens.id_token).tid).toBe(FABRIKAM_TENANT_ID);
    expect(decodeJwt(tokens.access_token).tid).toBe(FABRIKAM_TENANT_ID);
    expect(tokens.client_info).toBe(clientInfo(PATTI.oid, FABRIKAM_TENANT_ID));
  });
});
