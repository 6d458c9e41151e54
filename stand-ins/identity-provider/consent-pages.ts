// The pages of Entra's consent and step-up moments: the consent prompt an administrator sees during sign-in, the
// admin consent page (/{tenant}/v2.0/adminconsent) and the "verify your identity" page that stands in for
// multi-factor authentication. Plain forms, no script (NO_SCRIPT_CSP), every dynamic value escaped.

import type { DemoPerson } from "../demo-tenant";
import { escapeHtml, layout, renderDemoAccounts } from "./pages";

const PRODUCT = "Contoso (local identity provider)";

function permissionList(scopes: readonly string[]): string {
  return `<ul class="permissions">
${scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join("\n")}
</ul>`;
}

function signedInAs(person: DemoPerson): string {
  return `<p class="who">Signed in as <strong>${escapeHtml(person.displayName)}</strong> (<code>${escapeHtml(person.userPrincipalName)}</code>)</p>`;
}

const DECISION_BUTTONS = `<div class="actions">
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="cancel" class="secondary" formnovalidate>Cancel</button>
</div>`;

export const CONSENT_ON_BEHALF_FIELD = "consent_on_behalf_of_organization";

export interface ConsentPageOptions {
  action: string;
  appName: string;
  person: DemoPerson;
  organisation: string;
  /** The requested permissions not consented yet (Graph's short names, other APIs' fully qualified). */
  scopes: readonly string[];
}

/** Entra's consent prompt for an administrator: Accept (for me, or for the organisation with the box) or Cancel. */
export function renderConsentPage({ action, appName, person, organisation, scopes }: ConsentPageOptions): string {
  const body = `<h1>Permissions requested</h1>
<p class="lead">${escapeHtml(appName)} needs these permissions:</p>
${signedInAs(person)}
${permissionList(scopes)}
<form method="post" action="${escapeHtml(action)}">
<p class="check"><input id="on-behalf" name="${CONSENT_ON_BEHALF_FIELD}" type="checkbox" value="yes">
<label for="on-behalf">Consent on behalf of your organization (${escapeHtml(organisation)})</label></p>
${DECISION_BUTTONS}
</form>
<p class="note">Accept lets ${escapeHtml(appName)} use these permissions for you; with the box ticked, for everyone in
${escapeHtml(organisation)}. This page stands in for Microsoft Entra ID's consent prompt. It runs only on this computer.</p>`;
  return layout({ title: `Permissions requested – ${PRODUCT}`, body });
}

export interface AdminConsentPageOptions {
  action: string;
  appName: string;
  /** The organisation named in the address, or undefined for `organizations` / `common`. */
  organisation?: string | undefined;
  scopes: readonly string[];
  email?: string;
  failed?: boolean;
}

export const ADMIN_CONSENT_WRONG_CREDENTIALS = "That email or password is not right. Sign in as an administrator of the organization.";

/** The admin consent endpoint's page: the permissions, an administrator's credentials, Accept / Cancel. */
export function renderAdminConsentPage({ action, appName, organisation, scopes, email = "", failed = false }: AdminConsentPageOptions): string {
  const invalid = failed ? ' aria-invalid="true" aria-describedby="consent-error"' : "";
  const body = `<h1>Grant admin consent</h1>
<p class="lead">${escapeHtml(appName)} asks an administrator to grant these permissions for everyone in
${organisation ? escapeHtml(organisation) : "your organization"}:</p>
${permissionList(scopes)}
${failed ? `<div id="consent-error" class="alert" role="alert">${escapeHtml(ADMIN_CONSENT_WRONG_CREDENTIALS)}</div>\n` : ""}<form method="post" action="${escapeHtml(action)}" novalidate>
<label for="email">Administrator email</label>
<input id="email" name="email" type="email" autocomplete="username" spellcheck="false" autocapitalize="none" required value="${escapeHtml(email)}"${invalid}${email === "" ? " autofocus" : ""}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${email !== "" ? " autofocus" : ""}>
${DECISION_BUTTONS}
</form>
${renderDemoAccounts()}
<p class="note">Only a Global Administrator or Privileged Role Administrator of the organization can grant this. This page
stands in for Microsoft Entra ID's admin consent. It runs only on this computer.</p>`;
  return layout({ title: `Grant admin consent – ${PRODUCT}`, body });
}

export const STEP_UP_WRONG_PASSWORD = "That password is not right. Try again.";

export interface StepUpPageOptions {
  action: string;
  person: DemoPerson;
  failed?: boolean;
}

/** The second-factor check an authentication context asks for, played by entering the password again. */
export function renderStepUpPage({ action, person, failed = false }: StepUpPageOptions): string {
  const invalid = failed ? ' aria-invalid="true" aria-describedby="step-up-error"' : "";
  const body = `<h1>Verify your identity</h1>
<p class="lead">This stands in for multi-factor authentication: enter your password again.</p>
${signedInAs(person)}
${failed ? `<div id="step-up-error" class="alert" role="alert">${escapeHtml(STEP_UP_WRONG_PASSWORD)}</div>\n` : ""}<form method="post" action="${escapeHtml(action)}" novalidate>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required autofocus${invalid}>
<button type="submit">Verify</button>
</form>
<p class="note">The app asked for a stronger sign-in (an authentication context) before it may continue.</p>`;
  return layout({ title: `Verify your identity – ${PRODUCT}`, body });
}
