import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { APP_URL, ARM_EMULATOR_URL } from "../../scripts/demo-env";
import { DEMO_PASSWORD, DEMO_TENANT_ID, FABRIKAM_TENANT_ID, PATTI } from "../../stand-ins/demo-tenant";
import { activeCategorySlugs, ARM_CATEGORIES_UNDER_TEST } from "../support/categories";
import { categoryNotice } from "../support/dashboard";
import { resetEmulator } from "../support/emulator";
import { countAuthorizationRequests, resetIdentityProvider, revokeTenantConsent, tenantConsent } from "../support/identity-provider";
import { AUTH_STATE, expectSignedInAs, signInThroughIdentityProvider } from "../support/sign-in";

// Consent as Entra ID has it: sign-in asks for User.Read only, so a tenant that granted nothing else still gets in;
// every category then says what it needs, and only an administrator can grant it.

/** Every category Microsoft has not retired, Graph's and Azure Resource Manager's (the registry's list). */
const ACTIVE = activeCategorySlugs();
const AZURE = new Set<string>(ARM_CATEGORIES_UNDER_TEST.map((c) => c.slug));
/** ARM's one delegated permission, on the demo's ARM resource (ARM_RESOURCE: the ARM stand-in's own address). */
const ARM_PERMISSION = `${ARM_EMULATOR_URL}/user_impersonation`;

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
  await resetIdentityProvider(request);
});

// The identity provider is shared with the other specs: what a test granted, revoked or verified ends with it.
test.afterEach(async ({ request }) => {
  await resetIdentityProvider(request);
});

test.describe("a tenant that has granted nothing but User.Read", () => {
  test("its Global Administrator signs in, sees every category needing consent, grants it, and the categories appear without signing out", async ({ page, request }) => {
    await signInThroughIdentityProvider(page, PATTI.userPrincipalName);
    await expectSignedInAs(page, PATTI.displayName);

    // Every category waits for consent, the Azure ones too (their ARM token request met consent_required); none is
    // an error, and none reads "not available to you".
    const summary = page.locator("[data-consent-summary]");
    await expect(summary).toContainText("Request Desk has not been granted the Microsoft Graph delegated permissions");
    await expect(summary).toContainText(`and the Azure Resource Manager delegated permission ${ARM_PERMISSION}`);
    expect(ACTIVE.filter((slug) => AZURE.has(slug))).toHaveLength(ARM_CATEGORIES_UNDER_TEST.length);
    for (const slug of ACTIVE) {
      await expect(categoryNotice(page, slug), slug).toContainText("needs admin consent");
    }
    await expect(page.getByText("not available to you")).toHaveCount(0);
    await expect(page.getByText("could not be loaded")).toHaveCount(0);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    // The link goes to the admin-consent endpoint of her own tenant, with exactly the permissions that are missing.
    const link = summary.getByRole("link", { name: "Grant admin consent for your organisation" });
    const href = new URL((await link.getAttribute("href"))!);
    expect(href.pathname).toBe(`/${FABRIKAM_TENANT_ID}/v2.0/adminconsent`);
    expect(href.searchParams.get("redirect_uri")).toBe(`${APP_URL}/admin-consent`);
    const scopes = href.searchParams.get("scope")!.split(" ");
    expect(scopes).toEqual(expect.arrayContaining(["https://graph.microsoft.com/RoleAssignmentSchedule.ReadWrite.Directory", ARM_PERMISSION]));

    await link.click();
    await expect(page.getByRole("heading", { name: "Grant admin consent" })).toBeVisible();
    await page.getByLabel("Administrator email").fill(PATTI.userPrincipalName);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Accept" }).click();

    // Back in the app, still signed in, with every category listed: no longer waiting for consent.
    await expect(page.getByRole("status").filter({ hasText: "Admin consent granted" })).toBeVisible();
    await expectSignedInAs(page, PATTI.displayName);
    await expect(page.locator("[data-consent-summary]")).toHaveCount(0);
    for (const slug of ACTIVE.filter((s) => !AZURE.has(s))) {
      await expect(categoryNotice(page, slug), slug).toHaveCount(0);
    }
    // Everyone's Azure requests are not hers to see: she holds no Azure role, which is what the notice says now.
    for (const slug of AZURE) {
      await expect(categoryNotice(page, slug as never), slug).not.toContainText("needs admin consent");
    }
    await page.getByRole("button", { name: "Permissions" }).click();
    const panel = page.getByRole("dialog", { name: "What you can see and cancel" });
    await expect(panel.locator("[data-consent-panel]")).toHaveCount(0);
    for (const slug of ACTIVE) {
      const own = panel.locator(`[data-permission-category="${slug}"] [data-view-line="Your own requests"]`);
      await expect(own, slug).not.toContainText("Needs admin consent");
      // The Azure categories now get an ARM token without signing out, and ARM answers it: Fabrikam has no Azure
      // estate yet, so her own requests are an empty list (and she holds no Azure role to see anyone else's).
      await expect(own, slug).toContainText("Available");
    }
    expect(await tenantConsent(request, FABRIKAM_TENANT_ID)).toEqual(expect.arrayContaining(["GroupMember.Read.All", "RoleAssignmentSchedule.ReadWrite.Directory", ARM_PERMISSION]));
  });
});

test.describe("an ordinary user and a permission her tenant took back", () => {
  test.use({ storageState: AUTH_STATE.megan });

  test("Megan is told whom to ask, and asking through Entra ends in one clear error, not a loop", async ({ page, request }) => {
    await revokeTenantConsent(request, DEMO_TENANT_ID, ["EntitlementManagement.Read.All", "EntitlementManagement.ReadWrite.All", "EntitlementMgmt-SubjectAccess.ReadWrite"]);
    const authorizations = countAuthorizationRequests(page);
    await page.goto("/");

    const notice = categoryNotice(page, "access-package");
    await expect(notice).toContainText("needs admin consent");
    await expect(notice).toContainText("Only a Global Administrator or Privileged Role Administrator can grant them");
    await expect(notice.getByRole("link", { name: /Grant admin consent/ })).toHaveCount(0);
    // The rest of her queue is there.
    await expect(categoryNotice(page, "group-assignment")).toHaveCount(0);

    await notice.getByRole("button", { name: "Request it through Microsoft Entra" }).click();
    const error = page.getByRole("alert").filter({ hasText: "The permission was not granted" });
    await expect(error).toContainText("AADSTS90094");
    await expect(error).toContainText("ask one to grant it");
    await expect(page).toHaveURL(new RegExp(`^${APP_URL}/`));
    expect(authorizations()).toBe(1);

    // Shown once: a reload neither repeats it nor goes back to the identity provider.
    await page.reload();
    await expect(categoryNotice(page, "access-package")).toContainText("needs admin consent");
    await expect(page.getByText("The permission was not granted")).toHaveCount(0);
    expect(authorizations()).toBe(1);
  });
});
