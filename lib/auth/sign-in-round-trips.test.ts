import { beforeEach, describe, expect, it, vi } from "vitest";
import { memoryStorage } from "@/test-support/memory-storage";
import { takeConsentOutcome } from "./consent-return";
import { rememberConsentRequest, settleConsentAnswer } from "./consent-trip";
import { grantedGraphPermissions, qualifiedGraphScopes } from "./graph-scopes";
import { attemptedRecently, recordAttempt, recordFailure, takeFailure, takeResumeAction } from "./interactive-attempts";
import { sampleRequest } from "@/lib/requests/sample-request";

// The browser's side of trips to the identity provider: what it remembers before leaving, and what it does (once)
// when it is back.

const APP = "https://desk.contoso.example";

beforeEach(() => {
  vi.stubGlobal("sessionStorage", memoryStorage());
  vi.stubGlobal("window", { location: { origin: APP, href: `${APP}/?view=all&category=access-package` } });
});

describe("what a .default token answer says was granted", () => {
  const config = { graphResource: "https://graph.microsoft.us" };

  it("is the Graph permissions, short, without OpenID scopes, .default or another resource's scopes", () => {
    expect(
      grantedGraphPermissions(
        ["openid", "profile", "offline_access", "HTTPS://graph.microsoft.us/User.Read", "GroupMember.Read.All", "https://graph.microsoft.us/.default", "https://management.usgovcloudapi.net/user_impersonation"],
        config,
      ),
    ).toEqual(["User.Read", "GroupMember.Read.All"]);
  });

  it("is asked for again qualified with the configured cloud's Graph, never the global one", () => {
    expect(qualifiedGraphScopes(["User.Read", "openid"], config)).toEqual(["https://graph.microsoft.us/User.Read", "openid"]);
  });
});

describe("interactive attempts never loop", () => {
  it("the same attempt within minutes is known, another one is not", () => {
    recordAttempt("claims", "claims-a", undefined);
    expect(attemptedRecently("claims", "claims-a")).toBe(true);
    expect(attemptedRecently("claims", "claims-b")).toBe(false);
    expect(attemptedRecently("sign-in", "claims-a")).toBe(false);
    expect(attemptedRecently("claims", "claims-a", Date.now() + 3 * 60_000)).toBe(false);
  });

  it("the action to redo after a redirect is handed out once", () => {
    const request = sampleRequest({ id: "r1" });
    recordAttempt("claims", "claims-a", { kind: "cancel", request, view: "all" });
    expect(takeResumeAction()).toEqual({ kind: "cancel", request, view: "all" });
    expect(takeResumeAction()).toBeNull();
  });

  it("an attempt that came back with an error is shown once, and what it was doing is not redone", () => {
    recordAttempt("consent", "https://graph.microsoft.com/EntitlementManagement.ReadWrite.All", { kind: "cancel", request: sampleRequest({ id: "r1" }), view: "mine" });
    recordFailure("consent_required", "AADSTS90094: The grant requires admin permission.");
    expect(takeFailure()).toMatchObject({ purpose: "consent", subject: "https://graph.microsoft.com/EntitlementManagement.ReadWrite.All", error: "consent_required" });
    expect(takeFailure()).toBeNull();
    expect(takeResumeAction()).toBeNull();
  });
});

describe("coming back from admin consent", () => {
  it("a granted answer with our state is kept for the dashboard, and the way back is the page the admin left", () => {
    rememberConsentRequest("state-1", ["GroupMember.Read.All"]);
    const back = settleConsentAnswer(new URLSearchParams({ admin_consent: "True", tenant: "t", state: "state-1" }));
    expect(back).toBe(`${APP}/?view=all&category=access-package`);
    expect(takeConsentOutcome()).toEqual({ granted: true, permissions: ["GroupMember.Read.All"] });
    expect(takeConsentOutcome()).toBeNull();
  });

  it("a refusal keeps Entra's words", () => {
    rememberConsentRequest("state-2", ["GroupMember.Read.All"]);
    settleConsentAnswer(new URLSearchParams({ error: "access_denied", error_description: "AADSTS65004: User declined to consent.", state: "state-2" }));
    expect(takeConsentOutcome()).toMatchObject({ granted: false, error: "access_denied", description: "AADSTS65004: User declined to consent." });
  });

  it("an answer nobody asked for (another state, or none pending) is dropped and leads home", () => {
    rememberConsentRequest("state-3", ["GroupMember.Read.All"]);
    expect(settleConsentAnswer(new URLSearchParams({ admin_consent: "True", state: "forged" }))).toBe("/");
    expect(takeConsentOutcome()).toBeNull();
    expect(settleConsentAnswer(new URLSearchParams({ admin_consent: "True", state: "state-3" }))).toBe("/");
    expect(takeConsentOutcome()).toBeNull();
  });
});
