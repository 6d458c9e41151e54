import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { IDP_URL } from "../../scripts/demo-env";
import { DEMO_PASSWORD } from "../../stand-ins/demo-tenant";

// The identity provider's test-only control endpoints (never part of the app's code paths), and its pages.

/** Consent and step-up state back to the start (sessions and refresh tokens are kept). */
export async function resetIdentityProvider(request: APIRequestContext): Promise<void> {
  expect((await request.post(`${IDP_URL}/_idp/reset`)).ok()).toBe(true);
}

export async function revokeTenantConsent(request: APIRequestContext, tenantId: string, scopes: string[]): Promise<void> {
  expect((await request.delete(`${IDP_URL}/_idp/consent`, { data: { tenantId, scopes } })).ok()).toBe(true);
}

export async function tenantConsent(request: APIRequestContext, tenantId: string): Promise<string[]> {
  const response = await request.get(`${IDP_URL}/_idp/consent`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { tenants: Record<string, string[]> }).tenants[tenantId] ?? [];
}

/** Counts the page's full-page trips to the authorization endpoint (each interactive sign-in is one). */
export function countAuthorizationRequests(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    // `/auth` itself; oidc-provider resumes a finished interaction at `/auth/<uid>`, which is the same trip.
    const url = new URL(request.url());
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && url.origin === IDP_URL && url.pathname === "/auth") count++;
  });
  return () => count;
}

/** The step-up page that stands in for multi-factor authentication: the password again. */
export async function verifyIdentity(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { name: "Verify your identity" })).toBeVisible();
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Verify" }).click();
}
