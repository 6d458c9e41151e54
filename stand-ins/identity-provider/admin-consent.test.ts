// The admin consent endpoint, /{tenant}/v2.0/adminconsent, as the app's "ask your administrator" link uses it.

import { describe, expect, it } from "vitest";

import {
  ADMIN,
  DEMO_CLIENT_ID,
  DEMO_PASSWORD,
  DEMO_TENANT_ID,
  FABRIKAM_TENANT_ID,
  GRAPH_DELEGATED_SCOPES,
  MEGAN,
  PATTI,
} from "../demo-tenant";
import { APP_ORIGIN, GRAPH, control, form, location, providerForFile } from "./test-driver";

const RETURN_TO = `${APP_ORIGIN}/admin-consent`;

let issuer: string;

providerForFile((started) => {
  issuer = started.idp.issuer;
});

function adminConsentUrl(tenant: string, fields: Record<string, string> = {}): URL {
  const url = new URL(`/${tenant}/v2.0/adminconsent`, issuer);
  url.search = new URLSearchParams({
    client_id: DEMO_CLIENT_ID,
    scope: `${GRAPH}/.default`,
    redirect_uri: RETURN_TO,
    state: "consent-state",
    ...fields,
  }).toString();
  return url;
}

const submit = (url: URL, fields: Record<string, string>) => fetch(url, { ...form(fields), redirect: "manual" });
const accept = (url: URL, email: string, password = DEMO_PASSWORD) => submit(url, { email, password, decision: "accept" });

async function tenants() {
  return (await control(issuer, "/_idp/consent")).body.tenants as Record<string, string[]>;
}

describe("admin consent endpoint", () => {
  it("shows the permissions and an administrator sign-in with Accept and Cancel, without script", async () => {
    const response = await fetch(adminConsentUrl(FABRIKAM_TENANT_ID));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain("<h1>Grant admin consent</h1>");
    expect(html).toContain("for everyone in\nFabrikam");
    for (const scope of GRAPH_DELEGATED_SCOPES) expect(html).toContain(`<code>${scope}</code>`);
    expect(html).toContain('<label for="email">Administrator email</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('<button type="submit" name="decision" value="accept">Accept</button>');
    expect(html).toMatch(/<button type="submit" name="decision" value="cancel" class="secondary" formnovalidate>Cancel<\/button>/);
    expect(html).not.toContain("<script");
  });

  it("records tenant-wide consent for an administrator of the tenant and returns admin_consent=True", async () => {
    const url = adminConsentUrl("fabrikam.test");
    const response = await accept(url, PATTI.userPrincipalName);
    expect(response.status).toBe(303);
    const back = location(response, issuer);
    expect(`${back.origin}${back.pathname}`).toBe(RETURN_TO);
    expect(Object.fromEntries(back.searchParams)).toEqual({
      admin_consent: "True",
      tenant: FABRIKAM_TENANT_ID,
      scope: `${GRAPH}/.default`,
      state: "consent-state",
    });
    expect((await tenants())[FABRIKAM_TENANT_ID]).toEqual([...GRAPH_DELEGATED_SCOPES]);
  });

  it("grants just the named permissions, in the administrator's own tenant for organizations", async () => {
    const scope = `${GRAPH}/GroupMember.Read.All ${GRAPH}/EntitlementManagement.Read.All`;
    const response = await accept(adminConsentUrl("organizations", { scope }), PATTI.userPrincipalName);
    const back = location(response, issuer);
    expect(back.searchParams.get("tenant")).toBe(FABRIKAM_TENANT_ID);
    expect(back.searchParams.get("scope")).toBe(scope);
    expect((await tenants())[FABRIKAM_TENANT_ID]).toEqual(["User.Read", "GroupMember.Read.All", "EntitlementManagement.Read.All"]);
  });

  it("refuses a person who may not grant consent with access_denied (AADSTS90094), recording nothing", async () => {
    const before = await tenants();
    const response = await accept(adminConsentUrl(DEMO_TENANT_ID), MEGAN.userPrincipalName);
    const back = location(response, issuer);
    expect(`${back.origin}${back.pathname}`).toBe(RETURN_TO);
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("error_description")).toMatch(/^AADSTS90094: The grant requires admin permission\. Trace ID: /);
    expect(back.searchParams.get("state")).toBe("consent-state");
    expect(back.searchParams.get("admin_consent")).toBeNull();
    expect(await tenants()).toEqual(before);
  });

  it("returns access_denied (AADSTS65004, subcode cancel) on Cancel", async () => {
    const back = location(await submit(adminConsentUrl("common"), { decision: "cancel" }), issuer);
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("error_subcode")).toBe("cancel");
    expect(back.searchParams.get("error_description")).toMatch(/^AADSTS65004: User declined to consent to access the app\./);
    expect(back.searchParams.get("state")).toBe("consent-state");
  });

  it("asks again after a wrong password, keeping the email", async () => {
    const response = await accept(adminConsentUrl(FABRIKAM_TENANT_ID), PATTI.userPrincipalName, "wrong");
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toMatch(/role="alert"[^>]*>That email or password is not right\./);
    expect(html).toContain(`value="${PATTI.userPrincipalName}"`);
  });

  it("refuses an administrator of another tenant with an error page (AADSTS50020), not a redirect", async () => {
    const response = await accept(adminConsentUrl(FABRIKAM_TENANT_ID), ADMIN.userPrincipalName);
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("AADSTS50020");
    expect((await tenants())[FABRIKAM_TENANT_ID]).toEqual(["User.Read"]);
  });

  it("shows an error page, never a redirect, for an unregistered redirect_uri, an unknown client or tenant", async () => {
    const cases: Array<[URL, string]> = [
      [adminConsentUrl(FABRIKAM_TENANT_ID, { redirect_uri: "http://evil.test/admin-consent" }), "AADSTS50011"],
      [adminConsentUrl(FABRIKAM_TENANT_ID, { redirect_uri: `${APP_ORIGIN}/elsewhere` }), "AADSTS50011"],
      [adminConsentUrl(FABRIKAM_TENANT_ID, { client_id: "00000000-0000-0000-0000-000000000000" }), "AADSTS700016"],
      [adminConsentUrl("nowhere.test"), "AADSTS90002"],
    ];
    for (const [url, code] of cases) {
      for (const response of [await fetch(url, { redirect: "manual" }), await accept(url, PATTI.userPrincipalName)]) {
        expect(response.status).toBe(400);
        expect(response.headers.get("location")).toBeNull();
        expect(await response.text()).toContain(code);
      }
    }
    expect((await tenants())[FABRIKAM_TENANT_ID]).toEqual(["User.Read"]);
  });

  it("returns invalid_request (AADSTS70011) for a scope outside the app registration", async () => {
    const response = await fetch(adminConsentUrl(FABRIKAM_TENANT_ID, { scope: `${GRAPH}/Mail.Send` }), { redirect: "manual" });
    const back = location(response, issuer);
    expect(back.searchParams.get("error")).toBe("invalid_request");
    expect(back.searchParams.get("error_description")).toMatch(/^AADSTS70011: /);
    expect(back.searchParams.get("state")).toBe("consent-state");
  });
});
