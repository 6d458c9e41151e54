import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../stand-ins/demo-tenant";

/** Signs in through the app's Sign in button and the identity provider's real sign-in page. */
export async function signInThroughIdentityProvider(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectSignedInAs(page: Page, displayName: string): Promise<void> {
  await expect(page.getByTestId("signed-in-user")).toHaveText(displayName);
}

export const AUTH_STATE = {
  admin: "playwright/.auth/admin.json",
  megan: "playwright/.auth/megan.json",
  lee: "playwright/.auth/lee.json",
} as const;
