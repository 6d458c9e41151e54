// Entra ID's error texts (AADSTS codes) and the JSON shape of its token endpoint errors, so the app's MSAL sees
// the same thing as against Entra: MSAL reads `suberror` (consent_required, basic_action, …) and `claims` to build
// an InteractionRequiredAuthError.

import { randomUUID } from "node:crypto";

/** Microsoft Graph's application id, as Entra names the resource in AADSTS messages. */
export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

/** Entra names the API whose Conditional Access policy asks for the stronger sign-in (Graph's or ARM's app id). */
const mfaRequiredFor = (appId: string) =>
  `AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${appId}'.`;

export const AADSTS = {
  consentRequired: (clientId: string, appName: string) =>
    `AADSTS65001: The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
  userDeclinedConsent: "AADSTS65004: User declined to consent to access the app.",
  adminPermissionRequired: "AADSTS90094: The grant requires admin permission.",
  mfaRequired: mfaRequiredFor(GRAPH_APP_ID),
  mfaRequiredFor,
  multipleResources: (scope: string) =>
    `AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`,
  tenantNotFound: (tenant: string) =>
    `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  userNotInTenant: (user: string, tenantName: string, clientId: string, appName: string) =>
    `AADSTS50020: User account '${user}' from identity provider does not exist in tenant '${tenantName}' and cannot access the application '${clientId}'(${appName}) in that tenant.`,
  applicationNotFound: (clientId: string, tenant: string) =>
    `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${tenant}'.`,
  redirectUriMismatch: (redirectUri: string, clientId: string) =>
    `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
  invalidScope: (scope: string) =>
    `AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
  invalidClaims: "AADSTS90029: The claims parameter is not a valid JSON object.",
} as const;

/** The request identifiers Entra appends to every error description and repeats as JSON members. */
export interface EntraTrace {
  traceId: string;
  correlationId: string;
  /** Entra's format: `2025-01-31 09:30:00Z`. */
  timestamp: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A fresh trace; like Entra, the correlation id is the caller's `client-request-id` when it sent a valid one. */
export function newTrace(clientRequestId?: string | null, now = new Date()): EntraTrace {
  return {
    traceId: randomUUID(),
    correlationId: clientRequestId && UUID.test(clientRequestId) ? clientRequestId.toLowerCase() : randomUUID(),
    timestamp: `${now.toISOString().slice(0, 19).replace("T", " ")}Z`,
  };
}

export function withTrace(message: string, trace: EntraTrace): string {
  return `${message} Trace ID: ${trace.traceId} Correlation ID: ${trace.correlationId} Timestamp: ${trace.timestamp}`;
}

export interface EntraTokenError {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  suberror?: string;
  claims?: string;
}

/**
 * A token endpoint error body as Entra sends it. `message` starts with `AADSTS<code>:`; that number becomes
 * `error_codes`.
 */
export function entraTokenError(
  error: string,
  message: string,
  trace: EntraTrace,
  extra: { suberror?: string; claims?: string } = {},
): EntraTokenError {
  const code = Number(/^AADSTS(\d+)/.exec(message)?.[1] ?? NaN);
  return {
    error,
    error_description: withTrace(message, trace),
    error_codes: Number.isNaN(code) ? [] : [code],
    timestamp: trace.timestamp,
    trace_id: trace.traceId,
    correlation_id: trace.correlationId,
    ...extra,
  };
}
