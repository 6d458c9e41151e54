import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRAPH, refresh, signedInTokens, startTestProvider, type TestProvider } from "./test-driver";

// Entra does not revoke a refresh token when it is used: a second tab, or a browser profile restored from a copy,
// still renews with it. (oidc-provider's default rotation would revoke the whole grant on such a reuse.)

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider();
});
afterAll(() => provider.close());

describe("a refresh token used twice", () => {
  it("renews both times, and the grant lives on", async () => {
    const issuer = provider.idp.issuer;
    const tokens = await signedInTokens(issuer, "admin@contoso.test", `openid profile offline_access ${GRAPH}/User.Read`);
    for (let use = 1; use <= 3; use++) {
      const response = await refresh(issuer, tokens.refresh_token!, `${GRAPH}/.default openid profile offline_access`);
      expect(response.status, `use ${use}`).toBe(200);
    }
  });
});
