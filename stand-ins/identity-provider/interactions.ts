// The pages behind /interaction/:uid, which replace oidc-provider's devInteractions: sign-in, the step-up check
// (stand-in for multi-factor authentication) and Entra's consent moment for Graph or ARM permissions nobody consented
// to.

import type http from "node:http";

import { errors, type Interaction } from "oidc-provider";
import type Provider from "oidc-provider";

import { tenantOf } from "../demo-tenant";
import { authenticate, findSignInPersonByOid, homeTenantId, isDemoPassword } from "./claims";
import { mayGrantTenantConsent, type ConsentRecords } from "./consent-records";
import { CONSENT_ON_BEHALF_FIELD, renderConsentPage, renderStepUpPage } from "./consent-pages";
import { AADSTS, newTrace, withTrace } from "./entra-errors";
import { readBody, sendHtml } from "./http-io";
import { GRAPH_CONSENT_REASON, STEP_UP_PROMPT, missingAuthContexts, missingConsent } from "./interaction-policy";
import { renderErrorPage, renderSignInPage } from "./pages";
import type { ResourceApis } from "./resource-apis";
import type { StepUpRecords } from "./step-up-records";

export interface InteractionSettings {
  provider: Provider;
  consent: ConsentRecords;
  stepUp: StepUpRecords;
  apis: ResourceApis;
  clientName: string;
}

const EXPIRED = { error: "session_not_found", description: "Go back to the app and sign in again." };

export async function handleInteraction(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  uid: string,
  settings: InteractionSettings,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "POST") {
    res.writeHead(405, { allow: "GET, POST" }).end();
    return;
  }

  let details: Interaction;
  try {
    details = await settings.provider.interactionDetails(req, res);
  } catch (error) {
    if (!(error instanceof errors.SessionNotFound)) throw error;
    sendHtml(res, 400, renderErrorPage(EXPIRED));
    return;
  }
  if (details.uid !== uid) {
    sendHtml(res, 400, renderErrorPage(EXPIRED));
    return;
  }

  const action = `/interaction/${encodeURIComponent(uid)}`;
  switch (details.prompt.name) {
    case STEP_UP_PROMPT:
      return stepUp(req, res, details, action, settings);
    case "consent":
      return consent(req, res, details, action, settings);
    default:
      return signIn(req, res, details, action, settings);
  }
}

async function signIn(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  details: Interaction,
  action: string,
  { provider, clientName }: InteractionSettings,
): Promise<void> {
  if (req.method === "GET") {
    const hint = details.params.login_hint;
    sendHtml(res, 200, renderSignInPage({ action, appName: clientName, email: typeof hint === "string" ? hint : "" }));
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  const email = form.get("email") ?? "";
  const person = authenticate(email, form.get("password") ?? "");
  if (!person) {
    sendHtml(res, 401, renderSignInPage({ action, appName: clientName, email, failed: true }));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: person.oid }, select_account: {} },
    { mergeWithLastSubmission: false },
  );
}

/** The person the interaction's session belongs to; the step-up and consent prompts only come after sign-in. */
function sessionPerson(details: Interaction) {
  const accountId = details.session?.accountId;
  return accountId ? findSignInPersonByOid(accountId) : undefined;
}

async function stepUp(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  details: Interaction,
  action: string,
  { provider, stepUp: records }: InteractionSettings,
): Promise<void> {
  const person = sessionPerson(details);
  if (!person) {
    sendHtml(res, 400, renderErrorPage(EXPIRED));
    return;
  }
  if (req.method === "GET") {
    sendHtml(res, 200, renderStepUpPage({ action, person }));
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  if (!isDemoPassword(form.get("password") ?? "")) {
    sendHtml(res, 401, renderStepUpPage({ action, person, failed: true }));
    return;
  }
  records.record(person.oid, missingAuthContexts(details.params.claims, person.oid, records));
  await provider.interactionFinished(req, res, { [STEP_UP_PROMPT]: {} }, { mergeWithLastSubmission: true });
}

/**
 * oidc-provider's own consent needs no human (its grant holds every catalogue scope; loadExistingGrant in
 * server.ts). Graph or ARM permissions without consent do, as in Entra: a person who may not grant them is sent back with
 * consent_required (AADSTS90094); an administrator sees the consent prompt.
 */
async function consent(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  details: Interaction,
  action: string,
  { provider, consent: records, apis, clientName }: InteractionSettings,
): Promise<void> {
  const accept = () => provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
  const person = sessionPerson(details);
  const missing = person ? missingConsent(details.params.scope, person, records, apis) : [];
  if (!person || !details.prompt.reasons.includes(GRAPH_CONSENT_REASON) || missing.length === 0) return accept();

  const refuse = (error: string, message: string) =>
    provider.interactionFinished(
      req,
      res,
      { error, error_description: withTrace(message, newTrace()) },
      { mergeWithLastSubmission: false },
    );
  if (!mayGrantTenantConsent(person)) return refuse("consent_required", AADSTS.adminPermissionRequired);

  const organisation = tenantOf(person).displayName;
  if (req.method === "GET") {
    sendHtml(res, 200, renderConsentPage({ action, appName: clientName, person, organisation, scopes: missing }));
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  if (form.get("decision") !== "accept") return refuse("access_denied", AADSTS.userDeclinedConsent);
  if (form.get(CONSENT_ON_BEHALF_FIELD) === "yes") records.grantTenant(homeTenantId(person), missing);
  else records.grantUser(person.oid, missing);
  return accept();
}
