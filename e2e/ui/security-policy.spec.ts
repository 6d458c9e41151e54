import { expect, test, type Page } from "@playwright/test";
import { APP_URL, IDP_URL } from "../../scripts/demo-env";
import { ADMIN, MEGAN } from "../../stand-ins/demo-tenant";
import { collectViolations } from "../support/csp-violations";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { cancelButton, requestRow } from "../support/dashboard";
import { resetEmulator } from "../support/emulator";
import { expectSignedInAs, signInThroughIdentityProvider } from "../support/sign-in";

// The pages' Content-Security-Policy allows what the app does and nothing more: walking through every screen,
// signing in and out, and renewing a token silently in a hidden iframe must not trip it once.

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test("each page gets its own nonce, and its scripts carry it", async ({ request }) => {
  const policies = [];
  for (let i = 0; i < 2; i++) {
    const page = await request.get("/");
    const policy = page.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    const html = await page.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    policies.push(policy);
    // The security headers a reviewer looks for on a page.
    expect(page.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
    expect(page.headers()["permissions-policy"]).toContain("camera=()");
    expect(page.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  }
  expect(policies[0]).not.toBe(policies[1]);
});

test("only the redirect bridge may be framed, and only by the app", async ({ request }) => {
  expect((await request.get("/")).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect((await request.get("/redirect")).headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
});

test("the listener does see a violation when one happens", async ({ page }) => {
  const violations = await collectViolations(page);
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  // The classic injection: markup with an inline event handler. The policy blocks it and the listener sees it.
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img src="/no-such-image.png" onerror="window.injected = true">'));
  await expect.poll(() => violations.map((v) => v.directive)).toContain("script-src-attr");
  expect(await page.evaluate(() => "injected" in window)).toBe(false);
});

async function visitEveryScreen(page: Page): Promise<void> {
  await expect(page.getByRole("button", { name: "All requests" })).toBeVisible();
  const row = requestRow(page, "group-assignment", SEED_LANDMARKS.groupAssignment.colleagueCancellable.id);
  await row.getByRole("button", { name: /^Details of / }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.getByRole("button", { name: "Close details" }).click();
  await cancelButton(row).click();
  await expect(page.getByRole("dialog", { name: "Cancel this request?" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Permissions" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "My requests" }).click();
  await page.getByLabel("Theme").selectOption("dark");
  await page.getByLabel("Theme").selectOption("system");
}

test("signing in, every screen, and signing out raise no policy violation", async ({ page }) => {
  const violations = await collectViolations(page);
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await signInThroughIdentityProvider(page, ADMIN.userPrincipalName);
  await expectSignedInAs(page, ADMIN.displayName);
  await visitEveryScreen(page);
  for (const path of ["/admin-consent?admin_consent=True&tenant=x", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.locator("body")).not.toBeEmpty();
  }
  await page.goto("/");
  await expectSignedInAs(page, ADMIN.displayName);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a silent renewal in the hidden iframe raises no policy violation", async ({ page }) => {
  await signInThroughIdentityProvider(page, MEGAN.userPrincipalName);
  await expectSignedInAs(page, MEGAN.displayName);

  // Two hours on, every cached access token has expired; the refresh token is refused as Entra refuses a revoked
  // one, which leaves MSAL one silent way: the authorization endpoint in a hidden iframe, on the session cookie.
  await page.clock.install({ time: Date.now() + 2 * 60 * 60 * 1000 });
  await page.route(`${IDP_URL}/**`, async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.postData()?.includes("grant_type=refresh_token")) {
      await route.fulfill({
        status: 400,
        contentType: "application/json",
        headers: { "Access-Control-Allow-Origin": APP_URL },
        body: JSON.stringify({ error: "invalid_grant", error_description: "The refresh token has been revoked." }),
      });
    } else {
      await route.continue();
    }
  });
  const renewals: string[] = [];
  page.on("request", (request) => {
    if (request.frame() !== page.mainFrame() && request.url().startsWith(`${IDP_URL}/auth`) && request.url().includes("prompt=none")) renewals.push(request.url());
  });
  const violations = await collectViolations(page);

  await page.reload();
  await expectSignedInAs(page, MEGAN.displayName);
  // The renewal happened (else this test would prove nothing), and the page is still signed in after it.
  await expect.poll(() => renewals.length).toBeGreaterThan(0);
  await expectSignedInAs(page, MEGAN.displayName);
  expect(violations).toEqual([]);
});
