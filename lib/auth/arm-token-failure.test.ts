import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { describe, expect, it, vi } from "vitest";
import type { PublicAuthConfig } from "./auth-config-types";
import { afterArmTokenRefused } from "./arm-token-failure";
import { redirectOnce } from "./redirect-once";
import { appErrorOf } from "../../test-support/app-error-of";

// What a user sees when Entra will not hand out an Azure Resource Manager token silently.
vi.mock("./redirect-once", () => ({ redirectOnce: vi.fn(() => new Promise<never>(() => {})) }));

const instance = {} as IPublicClientApplication;
const account = { homeAccountId: "adele" } as AccountInfo;
const config = { armResource: "https://management.azure.com/", armScopes: ["https://management.azure.com/user_impersonation"] } as PublicAuthConfig;


describe("an ARM token Entra would not give silently", () => {
  it("without consent, names the missing permission and never leaves the page", () => {
    const error = appErrorOf(() => afterArmTokenRefused(instance, config, account, { claims: undefined, consent: true, request: {} }));
    expect(error).toMatchObject({ code: "consent_required", upstream: "arm" });
    expect(error.message).toContain("user_impersonation");
    expect(redirectOnce).not.toHaveBeenCalled();
  });

  it("for a background check, asks the user to sign in again instead of redirecting", () => {
    const error = appErrorOf(() => afterArmTokenRefused(instance, config, account, { claims: undefined, consent: false, request: { interactive: false } }));
    expect(error).toMatchObject({ code: "unauthenticated", upstream: "arm" });
    expect(redirectOnce).not.toHaveBeenCalled();
  });

  it("answers ARM's claims challenge with one redirect for the ARM scope, carrying the claims", () => {
    void afterArmTokenRefused(instance, config, account, { claims: '{"access_token":{}}', consent: false, request: { interactive: false } });
    expect(redirectOnce).toHaveBeenCalledWith(instance, account, config.armScopes, "claims", '{"access_token":{}}', undefined);
  });
});
