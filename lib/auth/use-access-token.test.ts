import { InteractionRequiredAuthError, type AccountInfo, type AuthenticationResult, type IPublicClientApplication } from "@azure/msal-browser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { memoryStorage } from "@/test-support/memory-storage";
import type { PublicAuthConfig } from "./auth-config-types";
import { grantedScopesFor, rememberGrantedScopes } from "./granted-scopes-store";

// useAccessToken's hooks only reach the MSAL instance and the auth config; with those two handed in, the function it
// returns is plain code, tested here without a React renderer.

const msal = vi.hoisted(() => ({ instance: undefined as unknown }));
const CONFIG: PublicAuthConfig = {
  clientId: "00000000-0000-0000-0000-000000000001",
  authority: "https://login.microsoftonline.com/common",
  knownAuthorities: [],
  authorityMetadata: undefined,
  protocolMode: "AAD",
  loginScopes: ["User.Read"],
  graphResource: "https://graph.microsoft.com",
  armResource: "https://management.azure.com/",
  armScopes: ["https://management.azure.com/user_impersonation"],
  loginUrl: "https://login.microsoftonline.com",
};

vi.mock("@azure/msal-react", () => ({ useMsal: () => ({ instance: msal.instance }) }));
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), useCallback: <T,>(fn: T) => fn }));
vi.mock("./auth-config-context", () => ({ useAuthConfig: () => CONFIG }));

const { useAccessToken } = await import("./use-access-token");

const ACCOUNT = { homeAccountId: "home-1", username: "megan@contoso.test" } as AccountInfo;
const GRANTED = ["https://graph.microsoft.com/User.Read", "https://graph.microsoft.com/RoleManagement.Read.Directory"];

const consentRequired = () =>
  new InteractionRequiredAuthError("invalid_grant", "corr-1", "AADSTS65001: The user or administrator has not consented to use the application.", "consent_required");
const loginRequired = () => new InteractionRequiredAuthError("login_required", "corr-1", "AADSTS50058: A silent sign-in request was sent but no user is signed in.");
const answer = (accessToken: string, scopes = GRANTED) => ({ accessToken, scopes }) as AuthenticationResult;

/** The token request's outcome; a request that redirected never settles (the page would be leaving), and fails here. */
function settled<T>(promise: Promise<T>): Promise<T> {
  const leaving = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`never settled: it redirected ${acquireTokenRedirect.mock.calls.length} time(s)`)), 1000),
  );
  return Promise.race([promise, leaving]);
}

let acquireTokenSilent: ReturnType<typeof vi.fn>;
let acquireTokenRedirect: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.stubGlobal("sessionStorage", memoryStorage());
  vi.stubGlobal("localStorage", memoryStorage());
  vi.stubGlobal("window", { location: { origin: "https://desk.contoso.example", href: "https://desk.contoso.example/" } });
  acquireTokenSilent = vi.fn();
  acquireTokenRedirect = vi.fn(async () => undefined);
  msal.instance = {
    getActiveAccount: () => ACCOUNT,
    getAllAccounts: () => [ACCOUNT],
    acquireTokenSilent,
    acquireTokenRedirect,
  } as unknown as IPublicClientApplication;
});
afterEach(() => vi.unstubAllGlobals());

describe("useAccessToken when Entra answers consent_required", () => {
  it("never redirects: it learns what is granted now and goes on with a token of that", async () => {
    rememberGrantedScopes(ACCOUNT.homeAccountId, [...GRANTED, "https://graph.microsoft.com/EntitlementManagement.Read.All"]);
    acquireTokenSilent
      .mockRejectedValueOnce(consentRequired())
      .mockResolvedValueOnce(answer("default-token"))
      .mockResolvedValueOnce(answer("graph-token"));

    await expect(settled(useAccessToken()())).resolves.toBe("graph-token");

    expect(acquireTokenRedirect).not.toHaveBeenCalled();
    // The permission taken back is no longer asked for.
    expect(grantedScopesFor(ACCOUNT.homeAccountId)).toEqual(GRANTED);
    expect(acquireTokenSilent.mock.calls[2]?.[0]).toMatchObject({ scopes: GRANTED, account: ACCOUNT });
  });

  it("never redirects even when learning what is granted fails: the user is told to sign in again", async () => {
    acquireTokenSilent.mockRejectedValue(consentRequired());

    await expect(settled(useAccessToken()())).rejects.toMatchObject({ code: "unauthenticated" });
    expect(acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it("does redirect, once, when Entra wants the user to sign in again (not a consent change)", async () => {
    acquireTokenSilent.mockRejectedValue(loginRequired());

    void useAccessToken()();
    await vi.waitFor(() => expect(acquireTokenRedirect).toHaveBeenCalledTimes(1));
    await expect(settled(useAccessToken()())).rejects.toMatchObject({ code: "unauthenticated" });
    expect(acquireTokenRedirect).toHaveBeenCalledTimes(1);
  });
});
