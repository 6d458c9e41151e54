// A real Graph access token for a demo account, without a browser: the authorization code + PKCE flow MSAL runs,
// driven with plain fetch (redirects followed by hand, cookies kept), as stand-ins/identity-provider's own tests do.
// The identity provider cannot tell this client from the app's MSAL: same client id, redirect URI and Origin.

import { createHash, randomBytes } from "node:crypto";
import { DEMO_CLIENT_ID, DEMO_PASSWORD } from "../../stand-ins/demo-tenant";
import { CookieJar } from "../../stand-ins/identity-provider/cookie-jar";
import { APP_URL, IDP_URL } from "../../scripts/demo-env";

export interface SignedIn {
  accessToken: string;
  /** Epoch ms. Tokens last an hour, longer than any benchmark. */
  expiresAt: number;
}

/**
 * The token the app's API calls carry: every Graph permission consented for the person, which the app learns with a
 * `.default` request after signing in with User.Read (README, "Sign-in, consent and tokens"); asked for in one go.
 */
const SCOPE = ["openid", "profile", "offline_access", "https://graph.microsoft.com/.default"].join(" ");

function location(response: Response, base: string): URL {
  const value = response.headers.get("location");
  if (!value) throw new Error(`Sign-in: expected a redirect from the identity provider, got HTTP ${response.status}.`);
  return new URL(value, base);
}

const formPost = (fields: Record<string, string>, extraHeaders: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", ...extraHeaders },
  body: new URLSearchParams(fields).toString(),
});

/** Signs `email` in at the local identity provider (:4100) and redeems the code like MSAL does. */
export async function signInWithFetch(email: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  const jar = new CookieJar();
  const redirectUri = `${APP_URL}/`;
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const state = randomBytes(8).toString("hex");

  const authorize = new URL("/auth", IDP_URL);
  authorize.search = new URLSearchParams({
    client_id: DEMO_CLIENT_ID,
    response_type: "code",
    response_mode: "query",
    redirect_uri: redirectUri,
    scope: SCOPE,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state,
    nonce: randomBytes(8).toString("hex"),
  }).toString();

  const start = await jar.fetch(authorize);
  const interaction = location(start, IDP_URL);
  await (await jar.fetch(interaction)).text(); // the sign-in page sets nothing we need, but a browser loads it
  const submitted = await jar.fetch(interaction, formPost({ email, password }));
  if (submitted.status !== 303) throw new Error(`Sign-in of ${email} refused (HTTP ${submitted.status}).`);
  const resumed = await jar.fetch(location(submitted, IDP_URL));
  const callback = location(resumed, IDP_URL);
  const code = callback.searchParams.get("code");
  if (!code || callback.searchParams.get("state") !== state) {
    throw new Error(`Sign-in of ${email}: no code in the redirect (${callback.searchParams.get("error") ?? "unknown error"}).`);
  }

  const token = await fetch(
    new URL("/token", IDP_URL),
    formPost(
      { client_id: DEMO_CLIENT_ID, grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: redirectUri, scope: SCOPE, client_info: "1" },
      { origin: APP_URL },
    ),
  );
  if (!token.ok) throw new Error(`Token redemption for ${email} failed (HTTP ${token.status}): ${await token.text()}`);
  const body = (await token.json()) as { access_token: string; expires_in: number };
  return { accessToken: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
}
