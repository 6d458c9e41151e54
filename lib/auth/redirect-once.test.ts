import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { memoryStorage } from "@/test-support/memory-storage";
import { redirectOnce } from "./redirect-once";

// A full-page redirect to the identity provider, at most once per purpose and subject within minutes: a second one
// for the same thing would be a loop the user cannot get out of, so it is an error they can read instead.

const ACCOUNT = { homeAccountId: "home-1" } as AccountInfo;
const SCOPES = ["https://graph.microsoft.com/User.Read"];

let acquireTokenRedirect: ReturnType<typeof vi.fn>;
let instance: IPublicClientApplication;

beforeEach(() => {
  vi.stubGlobal("sessionStorage", memoryStorage());
  vi.stubGlobal("window", { location: { href: "https://desk.contoso.example/?view=all" } });
  acquireTokenRedirect = vi.fn(async () => undefined);
  instance = { acquireTokenRedirect } as unknown as IPublicClientApplication;
});
afterEach(() => vi.unstubAllGlobals());

/** Starts a redirect and lets it reach MSAL (the promise itself never settles: the page would be leaving). */
async function leave(purpose: "claims" | "sign-in" | "consent", claims?: string): Promise<void> {
  void redirectOnce(instance, ACCOUNT, SCOPES, purpose, claims, undefined);
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe("redirectOnce", () => {
  it("redirects with the claims and comes back to the page the user was on", async () => {
    await leave("claims", '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}');

    expect(acquireTokenRedirect).toHaveBeenCalledTimes(1);
    expect(acquireTokenRedirect).toHaveBeenCalledWith({
      scopes: SCOPES,
      account: ACCOUNT,
      claims: '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}',
      redirectStartPage: "https://desk.contoso.example/?view=all",
    });
  });

  it.each([
    ["claims", "claims_challenge"],
    ["sign-in", "unauthenticated"],
    ["consent", "forbidden"],
  ] as const)("refuses a second %s redirect for the same thing, with an error the user can act on", async (purpose, code) => {
    const claims = purpose === "claims" ? '{"access_token":{}}' : undefined;
    await leave(purpose, claims);

    // A second redirect would never settle (the page would be leaving): fail fast, saying so.
    const again = Promise.race([
      redirectOnce(instance, ACCOUNT, SCOPES, purpose, claims, undefined),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("redirected again")), 500)),
    ]);

    await expect(again).rejects.toBeInstanceOf(AppError);
    await expect(again).rejects.toMatchObject({ code });
    expect(acquireTokenRedirect).toHaveBeenCalledTimes(1);
  });

  it("still redirects for something else: other claims, or another purpose", async () => {
    await leave("claims", '{"access_token":{"a":1}}');
    await leave("claims", '{"access_token":{"b":2}}');
    await leave("sign-in");

    expect(acquireTokenRedirect).toHaveBeenCalledTimes(3);
  });
});
