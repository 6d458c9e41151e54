// The provider's HTML pages: sign-in, sign-out (auto-submitting), signed-out and error, and the shared layout the
// consent and step-up pages (consent-pages.ts) use. Self-contained: inline CSS, system fonts, no external
// resources, no script (but the sign-out page's one hashed line). Every dynamic value goes through `escapeHtml`.

import { createHash } from "node:crypto";

import { DEMO_ACCOUNTS, DEMO_PASSWORD, tenantOf } from "../demo-tenant";

export const SIGN_IN_TITLE = "Sign in – Contoso (local identity provider)";
export const WRONG_CREDENTIALS_MESSAGE =
  "That email or password is not right. Check the spelling, or use one of the demo accounts listed below.";

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLES = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; align-items: flex-start; justify-content: center;
  padding: 48px 16px; background: #eef1f5; color: #1b1f24;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { width: 100%; max-width: 440px; background: #fff; border: 1px solid #d4d9e0; border-radius: 8px;
  padding: 32px 36px; box-shadow: 0 2px 6px rgba(16, 24, 40, .08); }
.brand { margin: 0 0 20px; font-size: .875rem; font-weight: 600; letter-spacing: .02em; color: #4a5563; }
.brand span { display: inline-block; width: 12px; height: 12px; margin-right: 8px; border-radius: 2px;
  background: #0b5cad; vertical-align: -1px; }
h1 { margin: 0 0 4px; font-size: 1.5rem; line-height: 1.25; }
h2 { margin: 0 0 8px; font-size: 1rem; }
.lead { margin: 0 0 24px; color: #4a5563; }
label { display: block; margin: 0 0 6px; font-weight: 600; }
input { display: block; width: 100%; margin: 0 0 18px; padding: 10px 12px; font: inherit; color: inherit;
  background: #fff; border: 1px solid #7b8594; border-radius: 4px; }
input:hover { border-color: #4a5563; }
input[aria-invalid="true"] { border-color: #b3261e; }
:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
input:focus-visible { outline-offset: 0; border-color: #0b5cad; }
button { display: inline-block; min-width: 120px; padding: 10px 20px; font: inherit; font-weight: 600;
  color: #fff; background: #0b5cad; border: 1px solid #0b5cad; border-radius: 4px; cursor: pointer; }
button:hover { background: #084a8c; border-color: #084a8c; }
button.secondary { color: #0b5cad; background: #fff; }
button.secondary:hover { color: #084a8c; background: #eef1f5; }
.actions { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 0; }
.check { display: flex; align-items: flex-start; gap: 10px; margin: 0 0 18px; }
.check input { display: inline-block; width: 18px; height: 18px; margin: 3px 0 0; flex: none; }
.check label { margin: 0; font-weight: 400; }
.permissions { margin: 0 0 20px; padding: 0 0 0 20px; }
.permissions li { padding: 2px 0; }
.who { margin: 0 0 20px; }
.alert { margin: 0 0 20px; padding: 12px 14px; color: #7a1712; background: #fdeceb; border: 1px solid #e3a29d;
  border-left: 4px solid #b3261e; border-radius: 4px; }
.accounts { margin: 28px 0 0; padding: 16px 18px; background: #f5f7fa; border: 1px solid #dde2e8; border-radius: 6px;
  font-size: .9375rem; }
.accounts ul { margin: 0 0 10px; padding: 0; list-style: none; }
.accounts li { padding: 4px 0; }
.accounts p { margin: 0; }
code { font: .9375rem/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: #1b1f24;
  background: #e6eaef; padding: 1px 5px; border-radius: 3px; }
.note { margin: 20px 0 0; font-size: .8125rem; color: #4a5563; }
.note code { font-size: .8125rem; }
@media (max-width: 480px) {
  body { padding: 16px 12px; }
  main { padding: 24px 20px; }
}
`;

export interface LayoutOptions {
  title: string;
  body: string;
  extraHead?: string;
}

export function layout({ title, body, extraHead = "" }: LayoutOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
${extraHead}</head>
<body>
<main>
<p class="brand"><span aria-hidden="true"></span>Contoso · local identity provider</p>
${body}
</main>
</body>
</html>
`;
}

export interface SignInPageOptions {
  /** Where the form posts (the interaction URL). */
  action: string;
  /** Prefilled email: what the person typed, or the request's login_hint. */
  email?: string | undefined;
  /** The app's display name, e.g. "Request Desk". */
  appName?: string | undefined;
  /** Show the wrong-credentials alert. */
  failed?: boolean;
}

export function renderSignInPage({ action, email = "", appName, failed = false }: SignInPageOptions): string {
  const invalid = failed ? ' aria-invalid="true" aria-describedby="signin-error"' : "";
  // Put the cursor where the person most likely types next: the password once an email is there.
  const focusEmail = email === "" ? " autofocus" : "";
  const focusPassword = email !== "" ? " autofocus" : "";
  const body = `<h1>Sign in</h1>
<p class="lead">${appName ? `to continue to ${escapeHtml(appName)}` : "with your Contoso account"}</p>
${failed ? `<div id="signin-error" class="alert" role="alert">${escapeHtml(WRONG_CREDENTIALS_MESSAGE)}</div>\n` : ""}<form method="post" action="${escapeHtml(action)}" novalidate>
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" spellcheck="false" autocapitalize="none" required value="${escapeHtml(email)}"${invalid}${focusEmail}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${focusPassword}>
<button type="submit">Sign in</button>
</form>
${renderDemoAccounts()}
<p class="note">This page stands in for Microsoft Entra ID sign-in. It runs only on this computer.</p>`;
  return layout({ title: SIGN_IN_TITLE, body });
}

/** The demo accounts (every tenant) and their password, as a help box under a sign-in form. */
export function renderDemoAccounts(): string {
  const accounts = DEMO_ACCOUNTS.map(
    (p) =>
      `<li>${escapeHtml(p.displayName)} — <code>${escapeHtml(p.userPrincipalName)}</code>${p.tenantId ? ` (${escapeHtml(tenantOf(p).displayName)})` : ""}</li>`,
  ).join("\n");
  return `<section class="accounts" aria-labelledby="demo-accounts">
<h2 id="demo-accounts">Demo accounts</h2>
<ul>
${accounts}
</ul>
<p>The password for every demo account is <code>${escapeHtml(DEMO_PASSWORD)}</code>.</p>
</section>`;
}

/** Content-Security-Policy for pages without script. `form-action` is left open: the sign-in redirects onwards. */
export const NO_SCRIPT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

const AUTO_SUBMIT_SCRIPT = "document.getElementById('op.logoutForm').submit();";

/** CSP for the sign-out page: only its own auto-submit script may run. */
export const LOGOUT_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${createHash("sha256")
  .update(AUTO_SUBMIT_SCRIPT)
  .digest("base64")}'; frame-ancestors 'none'; base-uri 'none'`;

/**
 * The RP-initiated logout confirmation, answered "yes" without a click: `form` is oidc-provider's hidden form
 * (id `op.logoutForm`, with the xsrf field); we add `logout=yes` (end the whole session) and submit it by script.
 * Without script (or if it is blocked), the visible button does the same.
 */
export function renderLogoutPage(form: string): string {
  const withLogout = form.replace(
    "</form>",
    '<input type="hidden" name="logout" value="yes"/><p>If nothing happens, <button type="submit">Continue</button></p></form>',
  );
  const body = `<h1>Signing you out…</h1>
<p class="lead">You are being signed out of your Contoso account and returned to the app.</p>
${withLogout}
<script>${AUTO_SUBMIT_SCRIPT}</script>`;
  return layout({ title: "Signing out – Contoso (local identity provider)", body });
}

export function renderSignedOutPage(appName?: string): string {
  const body = `<h1>You're signed out</h1>
<p class="lead">You have signed out of your Contoso account${appName ? ` and ${escapeHtml(appName)}` : ""}. You can close this tab.</p>`;
  return layout({ title: "Signed out – Contoso (local identity provider)", body });
}

const FRIENDLY_ERRORS: Record<string, string> = {
  invalid_request: "The app sent a sign-in request this provider can't accept.",
  invalid_client: "The app is not registered with this identity provider.",
  invalid_redirect_uri: "The app asked to return to an address that is not registered for it.",
  invalid_scope: "The app asked for a permission this identity provider does not know.",
  invalid_target: "The app asked for a token for an API this identity provider does not know.",
  unsupported_response_type: "The app asked for a kind of response this identity provider does not support.",
  access_denied: "Sign-in was not completed.",
  invalid_tenant: "The app asked for an organization this identity provider does not know.",
  wrong_tenant: "That account belongs to another organization than the one the app asked for.",
  login_required: "You need to sign in again.",
  session_not_found: "This sign-in page has expired or was already used.",
  server_error: "Something went wrong inside the identity provider.",
};

export interface ErrorPageOptions {
  error: string;
  description?: string | undefined;
}

/** A readable error page: a plain-language headline, the OAuth error code and description; never a stack. */
export function renderErrorPage({ error, description }: ErrorPageOptions): string {
  const headline = FRIENDLY_ERRORS[error] ?? "Sign-in could not continue.";
  const body = `<h1>Sign-in problem</h1>
<p class="lead" role="alert">${escapeHtml(headline)}</p>
<p>Go back to the app and start signing in again. If this keeps happening, the details below help whoever runs the app.</p>
<p class="note">Error: <code>${escapeHtml(error)}</code>${description ? `<br>Details: ${escapeHtml(description)}` : ""}</p>`;
  return layout({ title: "Sign-in problem – Contoso (local identity provider)", body });
}
