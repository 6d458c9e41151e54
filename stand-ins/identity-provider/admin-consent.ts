// Entra's admin consent endpoint, GET|POST /{tenant}/v2.0/adminconsent?client_id&scope&redirect_uri&state: an
// administrator of the tenant grants the app's Graph or ARM permissions for everyone there (tenant-wide consent),
// and the browser goes back to the app with admin_consent=True, or with error=access_denied. A bad client_id,
// redirect_uri or tenant gets an error page, never a redirect (the address can't be trusted).

import type http from "node:http";

import { DEMO_TENANTS, type DemoTenant } from "../demo-tenant";
import { authenticate, homeTenantId, splitScopes } from "./claims";
import { mayGrantTenantConsent, type ConsentRecords } from "./consent-records";
import { renderAdminConsentPage } from "./consent-pages";
import { AADSTS, newTrace, withTrace } from "./entra-errors";
import { readBody, redirect, sendHtml } from "./http-io";
import { renderErrorPage } from "./pages";
import { consentEntryOf, type ResourceApis } from "./resource-apis";

export const ADMIN_CONSENT_PATH = /^\/([^/]+)\/v2\.0\/adminconsent$/;

/** Tenant path segments that name no tenant: the administrator's own is used. */
const ANY_TENANT = new Set(["organizations", "common"]);

export interface AdminConsentSettings {
  consent: ConsentRecords;
  apis: ResourceApis;
  clientId: string;
  clientName: string;
  redirectUris: readonly string[];
}

/** A tenant by id or domain; null for organizations/common; undefined for one this provider doesn't know. */
function resolveTenant(segment: string): DemoTenant | null | undefined {
  const wanted = segment.toLowerCase();
  if (ANY_TENANT.has(wanted)) return null;
  return DEMO_TENANTS.find((t) => t.id === wanted || t.domain === wanted);
}

/**
 * Each scope as a consent entry, an API's `.default` as every permission the app registration lists for that API
 * (`https://graph.microsoft.com/.default` → the Graph catalogue, `https://management.azure.com/.default` →
 * user_impersonation); undefined if one scope is unknown.
 */
function expandScopes(requested: readonly string[], apis: ResourceApis): string[] | undefined {
  if (requested.length === 0) return undefined;
  const entries: string[] = [];
  for (const scope of requested) {
    const api = apis.all.find((a) => a.isDefault(scope));
    const expanded = api ? api.catalogue : [consentEntryOf(apis.all, scope)];
    for (const entry of expanded) {
      if (entry === undefined) return undefined;
      if (!entries.includes(entry)) entries.push(entry);
    }
  }
  return entries;
}

export async function handleAdminConsent(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  tenantSegment: string,
  { consent, apis, clientId, clientName, redirectUris }: AdminConsentSettings,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "POST") {
    res.writeHead(405, { allow: "GET, POST" }).end();
    return;
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  const query = url.searchParams;
  const trace = newTrace(query.get("client-request-id"));
  const page = (status: number, error: string, message: string) =>
    sendHtml(res, status, renderErrorPage({ error, description: withTrace(message, trace) }));

  const tenant = resolveTenant(tenantSegment);
  if (tenant === undefined) return page(400, "invalid_tenant", AADSTS.tenantNotFound(tenantSegment));
  const requestedClient = query.get("client_id") ?? "";
  if (requestedClient !== clientId) return page(400, "invalid_client", AADSTS.applicationNotFound(requestedClient, tenantSegment));
  const redirectUri = query.get("redirect_uri") ?? "";
  if (!redirectUris.includes(redirectUri)) return page(400, "invalid_redirect_uri", AADSTS.redirectUriMismatch(redirectUri, clientId));

  // From here on the return address is the app's own: answer there, Entra-style.
  const back = (fields: Record<string, string>) => {
    const target = new URL(redirectUri);
    for (const [key, value] of Object.entries(fields)) target.searchParams.set(key, value);
    const state = query.get("state");
    if (state !== null) target.searchParams.set("state", state);
    redirect(res, target.href);
  };
  const requested = splitScopes(query.get("scope"));
  const scopes = expandScopes(requested, apis);
  if (!scopes) {
    return back({ error: "invalid_request", error_description: withTrace(AADSTS.invalidScope(query.get("scope") ?? ""), trace) });
  }

  const pageOptions = { action: `${url.pathname}${url.search}`, appName: clientName, organisation: tenant?.displayName, scopes };
  if (req.method === "GET") {
    sendHtml(res, 200, renderAdminConsentPage(pageOptions));
    return;
  }

  const form = new URLSearchParams(await readBody(req));
  if (form.get("decision") !== "accept") {
    return back({ error: "access_denied", error_subcode: "cancel", error_description: withTrace(AADSTS.userDeclinedConsent, trace) });
  }
  const email = form.get("email") ?? "";
  const person = authenticate(email, form.get("password") ?? "");
  if (!person) {
    sendHtml(res, 401, renderAdminConsentPage({ ...pageOptions, email, failed: true }));
    return;
  }
  const tenantId = homeTenantId(person);
  if (tenant && tenant.id !== tenantId) {
    return page(400, "wrong_tenant", AADSTS.userNotInTenant(person.userPrincipalName, tenant.displayName, clientId, clientName));
  }
  if (!mayGrantTenantConsent(person)) {
    return back({ error: "access_denied", error_description: withTrace(AADSTS.adminPermissionRequired, trace) });
  }
  consent.grantTenant(tenantId, scopes);
  back({ admin_consent: "True", tenant: tenantId, scope: requested.join(" ") });
}
