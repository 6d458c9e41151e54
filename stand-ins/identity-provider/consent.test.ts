// Consent as Entra enforces it: tokens carry only consented Graph permissions, a silent request for one that is
// not consented fails with AADSTS65001, and an interactive one stops at consent (administrators) or goes back to
// the app with consent_required (everyone else).

import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";

import { DEMO_CLIENT_ID, DEMO_TENANT_ID, FABRIKAM_TENANT_ID, GRAPH_DELEGATED_SCOPES, LEE, MEGAN, PATTI } from "../demo-tenant";
import { CookieJar } from "./cookie-jar";
import {
  APP_ORIGIN,
  authorizeUrl,
  codeFrom,
  control,
  form,
  GRAPH,
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
  tokensFrom,
} from "./test-driver";

// Everything that lists directory-role eligibility requests, RoleManagement.ReadWrite.Directory included.
const ROLE_ELIGIBILITY = ["RoleEligibilitySchedule.Read.Directory", "RoleEligibilitySchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory"];

let issuer: string;

providerForFile((started) => {
  issuer = started.idp.issuer;
});


describe("token requests", () => {
  it("answers .default with every consented Graph permission, in scp and in the response's scope", async () => {
    const lee = await signedInTokens(issuer, LEE.userPrincipalName, SIGN_IN_SCOPE);
    expect(decodeJwt(lee.access_token).scp).toBe("User.Read");
    expect(lee.scope).toBe("User.Read");

    const renewed = await tokensFrom(await refresh(issuer, lee.refresh_token ?? "", GRAPH_DEFAULT_SCOPE));
    const leeConsented = GRAPH_DELEGATED_SCOPES.filter((s) => !ROLE_ELIGIBILITY.includes(s));
    expect(renewed.claims.scp).toBe(leeConsented.join(" "));
    expect(renewed.scope).toBe(leeConsented.join(" "));
    expect(renewed.claims.aud).toBe(GRAPH);

    const patti = await signedInTokens(issuer, PATTI.userPrincipalName, SIGN_IN_SCOPE);
    const pattiDefault = await tokensFrom(await refresh(issuer, patti.refresh_token ?? "", ".default openid profile"));
    expect(pattiDefault.claims.scp).toBe("User.Read");
  });

  it("grants explicit consented scopes, and refuses an unconsented one with AADSTS65001 without spending the refresh token", async () => {
    const lee = await signedInTokens(issuer, LEE.userPrincipalName, SIGN_IN_SCOPE);
    const granted = await tokensFrom(await refresh(issuer, lee.refresh_token ?? "", `User.Read ${GRAPH}/GroupMember.Read.All openid`));
    expect(granted.claims.scp).toBe("User.Read GroupMember.Read.All");
    expect(granted.scope).toBe("User.Read GroupMember.Read.All");

    const refused = await refresh(issuer, granted.refresh_token ?? "", "User.Read RoleEligibilitySchedule.Read.Directory openid profile offline_access");
    expect(refused.status).toBe(400);
    expect(refused.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(refused.headers.get("content-type")).toContain("application/json");
    const body = (await refused.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: "invalid_grant", error_codes: [65001], suberror: "consent_required" });
    expect(body.error_description).toMatch(
      new RegExp(
        `^AADSTS65001: The user or administrator has not consented to use the application with ID '${DEMO_CLIENT_ID}' named 'Request Desk'\\. Send an interactive authorization request for this user and resource\\. Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`,
      ),
    );
    expect(body.trace_id).toEqual(expect.any(String));
    expect(body.correlation_id).toEqual(expect.any(String));
    expect(body.timestamp).toEqual(expect.any(String));

    // The refused request did not rotate the refresh token: it still works, and .default never fails this way.
    await tokensFrom(await refresh(issuer, granted.refresh_token ?? "", GRAPH_DEFAULT_SCOPE));
  });

  it("refuses a code redemption that asks for more than is consented", async () => {
    const browser = new CookieJar();
    const { next, verifier, state } = await signInUntilNextStop(browser, issuer, { scope: SIGN_IN_SCOPE, email: LEE.userPrincipalName });
    const response = await redeem(issuer, codeFrom(next, state), verifier, `${SIGN_IN_SCOPE} RoleEligibilitySchedule.ReadWrite.Directory`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_grant", error_codes: [65001], suberror: "consent_required" });
  });

  it("follows consent changes on the next token request", async () => {
    const lee = await signedInTokens(issuer, LEE.userPrincipalName, SIGN_IN_SCOPE);
    await control(issuer, "/_idp/consent", "POST", { userId: LEE.oid, scopes: ["RoleEligibilitySchedule.Read.Directory"] });
    const granted = await tokensFrom(await refresh(issuer, lee.refresh_token ?? "", "RoleEligibilitySchedule.Read.Directory"));
    expect(granted.claims.scp).toBe("RoleEligibilitySchedule.Read.Directory");

    await control(issuer, "/_idp/consent", "DELETE", { tenantId: DEMO_TENANT_ID, scopes: ["GroupMember.Read.All"] });
    const refused = await refresh(issuer, granted.refresh_token ?? "", "GroupMember.Read.All");
    expect(refused.status).toBe(400);
    const renewed = await tokensFrom(await refresh(issuer, granted.refresh_token ?? "", GRAPH_DEFAULT_SCOPE));
    expect(String(renewed.claims.scp).split(" ")).not.toContain("GroupMember.Read.All");
    expect(String(renewed.claims.scp).split(" ")).toContain("RoleEligibilitySchedule.Read.Directory");
  });

  it("never refuses User.Read: a person consents to it for themselves", async () => {
    await control(issuer, "/_idp/consent", "DELETE", { tenantId: FABRIKAM_TENANT_ID, scopes: ["User.Read"] });
    const patti = await signedInTokens(issuer, PATTI.userPrincipalName, SIGN_IN_SCOPE);
    expect(decodeJwt(patti.access_token).scp).toBe("User.Read");
    const consent = await control(issuer, "/_idp/consent");
    expect(consent.body.users).toMatchObject({ [PATTI.oid]: ["User.Read"] });
  });
});

describe("interactive sign-in asking for a permission nobody consented to", () => {
  const ASK_GROUPS = `${SIGN_IN_SCOPE} GroupMember.Read.All`;

  async function revokeMegansRoleEligibility() {
    await control(issuer, "/_idp/consent", "DELETE", { userId: MEGAN.oid, scopes: ROLE_ELIGIBILITY });
  }

  it("sends a person who may not consent back to the app with consent_required (AADSTS90094)", async () => {
    await revokeMegansRoleEligibility();
    const browser = new CookieJar();
    const scope = `${SIGN_IN_SCOPE} RoleEligibilitySchedule.Read.Directory`;
    const { next, state } = await signInUntilNextStop(browser, issuer, { scope, email: MEGAN.userPrincipalName });
    expect(next.pathname).toMatch(/^\/interaction\//);
    const back = await resume(browser, issuer, await browser.fetch(next));
    expect(`${back.origin}${back.pathname}`).toBe(`${APP_ORIGIN}/`);
    expect(back.searchParams.get("error")).toBe("consent_required");
    expect(back.searchParams.get("error_description")).toMatch(/^AADSTS90094: The grant requires admin permission\. Trace ID: /);
    expect(back.searchParams.get("state")).toBe(state);
    expect(back.searchParams.get("code")).toBeNull();

    // Silently (prompt=none, the redirect bridge) the answer is Entra's consent_required with AADSTS65001.
    const silent = await browser.fetch(
      authorizeUrl(issuer, { scope, prompt: "none", redirectUri: `${APP_ORIGIN}/redirect` }, pkce().challenge, "s"),
    );
    const silentBack = location(silent, issuer);
    expect(silentBack.searchParams.get("error")).toBe("consent_required");
    expect(silentBack.searchParams.get("error_description")).toMatch(/^AADSTS65001: /);
  });

  it("shows an administrator the consent page; Accept with the organisation box grants it tenant-wide", async () => {
    const browser = new CookieJar();
    const { next, verifier, state } = await signInUntilNextStop(browser, issuer, { scope: ASK_GROUPS, email: PATTI.userPrincipalName });
    const page = await browser.fetch(next);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain("<h1>Permissions requested</h1>");
    expect(html).toContain("<code>GroupMember.Read.All</code>");
    expect(html).not.toContain("<code>User.Read</code>");
    expect(html).toMatch(/<input id="on-behalf" name="consent_on_behalf_of_organization" type="checkbox" value="yes">/);
    expect(html).not.toMatch(/type="checkbox"[^>]*checked/);
    expect(html).toContain("Consent on behalf of your organization (Fabrikam)");
    expect(html).toContain('<button type="submit" name="decision" value="accept">Accept</button>');
    expect(html).toMatch(/<button type="submit" name="decision" value="cancel"[^>]*>Cancel<\/button>/);
    expect(html).not.toContain("<script");

    const accepted = await browser.fetch(next, form({ decision: "accept", consent_on_behalf_of_organization: "yes" }));
    const code = codeFrom(await resume(browser, issuer, accepted), state);
    expect((await control(issuer, "/_idp/consent")).body.tenants).toMatchObject({
      [FABRIKAM_TENANT_ID]: ["User.Read", "GroupMember.Read.All"],
    });
    const tokens = await tokensFrom(await redeem(issuer, code, verifier, ASK_GROUPS));
    expect(tokens.claims.scp).toBe("User.Read GroupMember.Read.All");
    expect(tokens.claims.tid).toBe(FABRIKAM_TENANT_ID);
  });

  it("grants it for the administrator alone without the box", async () => {
    const browser = new CookieJar();
    const scope = `${SIGN_IN_SCOPE} RoleEligibilitySchedule.Read.Directory`;
    const { next, state } = await signInUntilNextStop(browser, issuer, { scope, email: LEE.userPrincipalName });
    await browser.fetch(next);
    const accepted = await browser.fetch(next, form({ decision: "accept" }));
    codeFrom(await resume(browser, issuer, accepted), state);
    const consent = (await control(issuer, "/_idp/consent")).body as { tenants: Record<string, string[]>; users: Record<string, string[]> };
    expect(consent.users[LEE.oid]).toEqual(["RoleEligibilitySchedule.Read.Directory"]);
    expect(consent.tenants[DEMO_TENANT_ID]).not.toContain("RoleEligibilitySchedule.Read.Directory");
  });

  it("returns access_denied (AADSTS65004) when the administrator cancels, and records nothing", async () => {
    const browser = new CookieJar();
    const { next, state } = await signInUntilNextStop(browser, issuer, { scope: ASK_GROUPS, email: PATTI.userPrincipalName });
    await browser.fetch(next);
    const before = await control(issuer, "/_idp/consent");
    const back = await resume(browser, issuer, await browser.fetch(next, form({ decision: "cancel", consent_on_behalf_of_organization: "yes" })));
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("error_description")).toMatch(/^AADSTS65004: User declined to consent to access the app\./);
    expect(back.searchParams.get("state")).toBe(state);
    expect(await control(issuer, "/_idp/consent")).toEqual(before);
  });

  it("needs no consent page for .default or for permissions already consented", async () => {
    const browser = new CookieJar();
    const { next, state } = await signInUntilNextStop(browser, issuer, { scope: GRAPH_DEFAULT_SCOPE, email: PATTI.userPrincipalName });
    codeFrom(next, state);
    const megan = await signInUntilNextStop(new CookieJar(), issuer, { scope: `${SIGN_IN_SCOPE} ${ROLE_ELIGIBILITY.join(" ")}`, email: MEGAN.userPrincipalName });
    codeFrom(megan.next, megan.state);
  });
});
