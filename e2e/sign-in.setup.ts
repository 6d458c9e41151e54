import { expect, test as setup } from "@playwright/test";
import { ADMIN, LEE, MEGAN } from "../stand-ins/demo-tenant";
import { APP_URL } from "../scripts/demo-env";
import { AUTH_STATE, expectSignedInAs, signInThroughIdentityProvider } from "./support/sign-in";

// Signs each demo account in once through the real sign-in page; the other projects reuse the saved MSAL cache.
setup("a wrong password is refused on the sign-in page", async ({ page }) => {
  await signInThroughIdentityProvider(page, ADMIN.userPrincipalName, "not-the-password");
  await expect(page.getByRole("alert")).toContainText("not right");
  await expect(page).not.toHaveURL(new RegExp(`^${APP_URL}`));
});

setup("sign in as the administrator", async ({ page }) => {
  await signInThroughIdentityProvider(page, ADMIN.userPrincipalName);
  await expectSignedInAs(page, ADMIN.displayName);
  await page.context().storageState({ path: AUTH_STATE.admin });
});

setup("sign in as Megan", async ({ page }) => {
  await signInThroughIdentityProvider(page, MEGAN.userPrincipalName);
  await expectSignedInAs(page, MEGAN.displayName);
  await page.context().storageState({ path: AUTH_STATE.megan });
});

setup("sign in as Lee", async ({ page }) => {
  await signInThroughIdentityProvider(page, LEE.userPrincipalName);
  await expectSignedInAs(page, LEE.displayName);
  await page.context().storageState({ path: AUTH_STATE.lee });
});
