// Azure Resource Manager as a second API: MSAL's acquireTokenSilent for `https://management.azure.com/…` with the
// refresh token of a Graph sign-in, consent per tenant, and the same CP1 / step-up rules as for Graph.

import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";

import { ADMIN, DEMO_CLIENT_ID, DEMO_PASSWORD, DEMO_TENANT_ID, FABRIKAM_TENANT_ID, LEE, MEGAN, PATTI } from "../demo-tenant";
import { clientInfo } from "./claims";
import { CookieJar } from "./cookie-jar";
import { ARM_APP_ID } from "./resource-apis";
import {
  APP_ORIGIN,
  ARM,
  codeFrom,
  control,
  CP1_CLAIMS,
  form,
  GRAPH,
  providerForFile,
  redeem,
  refresh,
  resume,
  SIGN_IN_SCOPE,
  signedInTokens,
  signInUntilNextStop,
  startTestProvider,
  STEP_UP_CLAIMS,
  type TestProvider,
  TokenResponse,
  tokensFrom,
} from "./test-driver";

/** What the app asks for at sign-in: Graph's User.Read only. */
/** acquireTokenSilent({ scopes: [`${ARM}/user_impersonation`] }) as MSAL sends it. */
const ARM_SCOPE = `${ARM}/user_impersonation openid profile offline_access`;
const ARM_DEFAULT_SCOPE = `${ARM}/.default openid profile offline_access`;
const ARM_ENTRY = `${ARM}/user_impersonation`;

let provider: TestProvider;
let issuer: string;

providerForFile((started) => {
  provider = started;
  issuer = started.idp.issuer;
});


async function refusal(response: Response) {
  expect(response.status).toBe(400);
  expect(response.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
  return (await response.json()) as Record<string, unknown>;
}

describe("an ARM token from the refresh token of a Graph sign-in", () => {
  it("is an RS256 JWT for the ARM audience with scp user_impersonation, and Graph refreshes still work after", async () => {
    const signedIn = await signedInTokens(issuer, ADMIN.userPrincipalName, SIGN_IN_SCOPE);
    const response = await refresh(issuer, signedIn.refresh_token ?? "", ARM_SCOPE);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    const arm = TokenResponse(await response.json());
    expect(arm.scope).toBe(ARM_ENTRY);
    expect(arm.token_type).toBe("Bearer");
    expect(arm.refresh_token).toBeTruthy();
    expect(arm.id_token).toBeTruthy();
    expect(arm.client_info).toBe(clientInfo(ADMIN.oid, DEMO_TENANT_ID));

    const { payload, protectedHeader } = await jwtVerify(arm.access_token, provider.jwks, { issuer, audience: ARM });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({
      aud: ARM,
      iss: issuer,
      sub: ADMIN.oid,
      oid: ADMIN.oid,
      tid: DEMO_TENANT_ID,
      name: ADMIN.displayName,
      preferred_username: ADMIN.userPrincipalName,
      scp: "user_impersonation",
      azp: DEMO_CLIENT_ID,
      ver: "2.0",
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    for (const claim of ["scope", "client_id", "xms_cc", "acrs"]) expect(payload).not.toHaveProperty(claim);

    // The same refresh token (not rotated), and the one the ARM answer carried, still mint Graph tokens.
    for (const refreshToken of [signedIn.refresh_token ?? "", arm.refresh_token ?? ""]) {
      const graph = await tokensFrom(await refresh(issuer, refreshToken, `${GRAPH}/User.Read openid profile offline_access`));
      expect(graph.claims).toMatchObject({ aud: GRAPH, scp: "User.Read" });
      expect(graph.scope).toBe("User.Read");
    }
  });

  it("answers .default (both spellings) with the consented ARM permission", async () => {
    const signedIn = await signedInTokens(issuer, LEE.userPrincipalName, SIGN_IN_SCOPE);
    for (const scope of [ARM_DEFAULT_SCOPE, `${ARM}//.default openid profile offline_access`]) {
      const arm = await tokensFrom(await refresh(issuer, signedIn.refresh_token ?? "", scope));
      expect(arm.claims).toMatchObject({ aud: ARM, scp: "user_impersonation", oid: LEE.oid });
      expect(arm.scope).toBe(ARM_ENTRY);
    }
  });

  it("refuses scopes of two APIs in one token request (AADSTS28000)", async () => {
    const signedIn = await signedInTokens(issuer, ADMIN.userPrincipalName, SIGN_IN_SCOPE);
    const body = await refusal(await refresh(issuer, signedIn.refresh_token ?? "", `${GRAPH}/User.Read ${ARM_SCOPE}`));
    expect(body).toMatchObject({ error: "invalid_scope", error_codes: [28000] });
    expect(body.error_description).toMatch(/^AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource\./);
  });
});

describe("consent for ARM", () => {
  it("refuses Fabrikam, which granted ARM nothing, with AADSTS65001 for user_impersonation and for .default", async () => {
    const patti = await signedInTokens(issuer, PATTI.userPrincipalName, SIGN_IN_SCOPE);
    for (const scope of [ARM_SCOPE, ARM_DEFAULT_SCOPE]) {
      const body = await refusal(await refresh(issuer, patti.refresh_token ?? "", scope));
      expect(body).toMatchObject({ error: "invalid_grant", error_codes: [65001], suberror: "consent_required" });
      expect(body.error_description).toMatch(/^AADSTS65001: The user or administrator has not consented to use the application/);
    }
    // Nothing was spent: Graph still works with the same refresh token.
    const graph = await tokensFrom(await refresh(issuer, patti.refresh_token ?? "", `${GRAPH}/.default openid profile offline_access`));
    expect(graph.claims.aud).toBe(GRAPH);
  });

  it("issues Fabrikam's ARM token once /_idp/consent grants user_impersonation tenant-wide", async () => {
    const patti = await signedInTokens(issuer, PATTI.userPrincipalName, SIGN_IN_SCOPE);
    const granted = await control(issuer, "/_idp/consent", "POST", { tenantId: FABRIKAM_TENANT_ID, scopes: [ARM_ENTRY] });
    expect(granted.status).toBe(200);
    expect((granted.body.tenants as Record<string, string[]>)[FABRIKAM_TENANT_ID]).toEqual(["User.Read", ARM_ENTRY]);

    const arm = await tokensFrom(await refresh(issuer, patti.refresh_token ?? "", ARM_SCOPE));
    expect(arm.claims).toMatchObject({ aud: ARM, scp: "user_impersonation", tid: FABRIKAM_TENANT_ID, oid: PATTI.oid });
    expect(arm.scope).toBe(ARM_ENTRY);
  });

  it("follows personal grants and revocations on the next token request", async () => {
    await control(issuer, "/_idp/consent", "DELETE", { tenantId: DEMO_TENANT_ID, scopes: [ARM_ENTRY] });
    await control(issuer, "/_idp/consent", "POST", { userId: LEE.oid, scopes: [ARM_ENTRY] });
    const lee = await signedInTokens(issuer, LEE.userPrincipalName, SIGN_IN_SCOPE);
    expect((await tokensFrom(await refresh(issuer, lee.refresh_token ?? "", ARM_SCOPE))).claims.scp).toBe("user_impersonation");
    const megan = await signedInTokens(issuer, MEGAN.userPrincipalName, SIGN_IN_SCOPE);
    expect(await refusal(await refresh(issuer, megan.refresh_token ?? "", ARM_SCOPE))).toMatchObject({ error_codes: [65001] });
  });

  it("lets Fabrikam's administrator consent at sign-in; that sign-in's refresh token then mints Graph tokens too", async () => {
    const scope = `openid profile offline_access ${ARM}/user_impersonation`;
    const browser = new CookieJar();
    const { next, verifier, state } = await signInUntilNextStop(browser, issuer, { scope, email: PATTI.userPrincipalName });
    const page = await browser.fetch(next);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<h1>Permissions requested</h1>");
    expect(html).toContain(`<code>${ARM_ENTRY}</code>`);

    const accepted = await browser.fetch(next, form({ decision: "accept", consent_on_behalf_of_organization: "yes" }));
    const arm = await tokensFrom(await redeem(issuer, codeFrom(await resume(browser, issuer, accepted), state), verifier, scope));
    expect(arm.claims).toMatchObject({ aud: ARM, scp: "user_impersonation", tid: FABRIKAM_TENANT_ID });
    expect(arm.scope).toBe(ARM_ENTRY);

    const graph = await tokensFrom(await refresh(issuer, arm.refresh_token ?? "", `${GRAPH}/User.Read openid profile offline_access`));
    expect(graph.claims).toMatchObject({ aud: GRAPH, scp: "User.Read", tid: FABRIKAM_TENANT_ID });
  });

  it("grants ARM through the admin consent endpoint", async () => {
    const url = new URL(`/${FABRIKAM_TENANT_ID}/v2.0/adminconsent`, issuer);
    url.search = new URLSearchParams({ client_id: DEMO_CLIENT_ID, scope: `${ARM}/.default`, redirect_uri: `${APP_ORIGIN}/admin-consent` }).toString();
    const page = await fetch(url);
    expect(await page.text()).toContain(`<code>${ARM_ENTRY}</code>`);
    const response = await fetch(url, { ...form({ email: PATTI.userPrincipalName, password: DEMO_PASSWORD, decision: "accept" }), redirect: "manual" });
    expect(response.status).toBe(303);
    const back = new URL(response.headers.get("location") ?? "");
    expect(Object.fromEntries(back.searchParams)).toEqual({ admin_consent: "True", tenant: FABRIKAM_TENANT_ID, scope: `${ARM}/.default` });
    expect(((await control(issuer, "/_idp/consent")).body.tenants as Record<string, string[]>)[FABRIKAM_TENANT_ID]).toEqual(["User.Read", ARM_ENTRY]);
  });
});

describe("claims on ARM tokens", () => {
  it("puts xms_cc [cp1] in ARM tokens when the request declares CP1", async () => {
    const signedIn = await signedInTokens(issuer, ADMIN.userPrincipalName, SIGN_IN_SCOPE, CP1_CLAIMS);
    const arm = await tokensFrom(await refresh(issuer, signedIn.refresh_token ?? "", ARM_SCOPE, CP1_CLAIMS));
    expect(arm.claims).toMatchObject({ aud: ARM, xms_cc: ["cp1"] });
    const plain = await tokensFrom(await refresh(issuer, signedIn.refresh_token ?? "", ARM_SCOPE));
    expect(plain.claims).not.toHaveProperty("xms_cc");
  });

  it("answers an ARM claims challenge like a Graph one: AADSTS50076 naming ARM, then acrs once stepped up", async () => {
    const signedIn = await signedInTokens(issuer, ADMIN.userPrincipalName, SIGN_IN_SCOPE, CP1_CLAIMS);
    const body = await refusal(await refresh(issuer, signedIn.refresh_token ?? "", ARM_SCOPE, STEP_UP_CLAIMS));
    expect(body).toMatchObject({ error: "invalid_grant", error_codes: [50076], suberror: "basic_action", claims: STEP_UP_CLAIMS });
    expect(body.error_description).toContain(`you must use multi-factor authentication to access '${ARM_APP_ID}'.`);

    // The app's interactive answer to the challenge: /auth with the claims, the password again.
    const browser = new CookieJar();
    const { next } = await signInUntilNextStop(browser, issuer, { scope: SIGN_IN_SCOPE, email: ADMIN.userPrincipalName, claims: STEP_UP_CLAIMS });
    await resume(browser, issuer, await browser.fetch(next, form({ password: DEMO_PASSWORD })));

    const arm = await tokensFrom(await refresh(issuer, signedIn.refresh_token ?? "", ARM_SCOPE, STEP_UP_CLAIMS));
    expect(arm.claims).toMatchObject({ aud: ARM, acrs: ["c1"], xms_cc: ["cp1"] });
  });
});

describe("another ARM address", () => {
  // A sovereign cloud's audience, and the demo's: the ARM stand-in's own plain-http address (scripts/demo-env.ts).
  it.each(["https://management.usgovcloudapi.net", "http://localhost:4200"])("mints tokens for the configured audience %s (armResource)", async (resource) => {
    const other = await startTestProvider({ armResource: resource });
    try {
      const signedIn = await signedInTokens(other.idp.issuer, ADMIN.userPrincipalName, SIGN_IN_SCOPE);
      const arm = await tokensFrom(await refresh(other.idp.issuer, signedIn.refresh_token ?? "", `${resource}/user_impersonation openid profile offline_access`));
      expect(arm.claims).toMatchObject({ aud: resource, scp: "user_impersonation" });
      expect(arm.scope).toBe(`${resource}/user_impersonation`);
      expect(((await control(other.idp.issuer, "/_idp/consent")).body.tenants as Record<string, string[]>)[DEMO_TENANT_ID]).toContain(`${resource}/user_impersonation`);
    } finally {
      await other.close();
    }
  });
});
