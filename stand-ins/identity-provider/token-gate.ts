// Decides a code or refresh-token redemption before oidc-provider runs it: which API the access token is for (Graph
// or ARM, from the requested scopes' prefix, as Entra picks it), which of that API's permissions it gets (from the
// consent records), whether Entra would refuse it (AADSTS28000 two APIs at once, AADSTS65001 consent missing,
// AADSTS50076 step-up needed) and which CP1 / auth-context claims it carries. Refusing here, before oidc-provider
// consumes the code or rotates the refresh token, keeps the app's refresh token usable, as with Entra.

import type http from "node:http";

import type Provider from "oidc-provider";

import type { DemoPerson } from "../demo-tenant";
import {
  accessTokenClaimsOf,
  mergeClaimsRequests,
  readClaimsRequest,
  type ClaimsRequest,
} from "./claims-request";
import { findSignInPersonByOid, splitScopes, type TokenGrant } from "./claims";
import type { ConsentRecords } from "./consent-records";
import { AADSTS, entraTokenError, newTrace, type EntraTokenError } from "./entra-errors";
import { apisNamedBy, type ResourceApi, type ResourceApis } from "./resource-apis";
import { decideScopes } from "./scope-grant";
import type { StepUpRecords } from "./step-up-records";

export interface TokenDecision {
  person: DemoPerson;
  /** The API (audience) the access token is for; oidc-provider's defaultResource follows it. */
  api: ResourceApi;
  /** The granted permissions as consent entries, which is also how Entra lists them in the response's `scope`. */
  entries: readonly string[];
  grant: TokenGrant;
}

// Read back while oidc-provider issues the token (extraTokenClaims) and rewrites the response (scope, client_info).
const decisions = new WeakMap<http.IncomingMessage, TokenDecision>();

export function tokenDecisionFor(req: http.IncomingMessage): TokenDecision | undefined {
  return decisions.get(req);
}

export interface TokenGateSettings {
  provider: Provider;
  consent: ConsentRecords;
  stepUp: StepUpRecords;
  apis: ResourceApis;
  clientName: string;
}

/** What a code or refresh token tells about the request that created it. */
interface GrantSource {
  accountId?: string | undefined;
  clientId?: string | undefined;
  scope?: string | undefined;
  claims?: object | undefined;
  isExpired: boolean;
  consumed?: unknown;
}

async function findSource(provider: Provider, params: URLSearchParams): Promise<GrantSource | undefined> {
  try {
    switch (params.get("grant_type")) {
      case "refresh_token":
        return await provider.RefreshToken.find(params.get("refresh_token") ?? "");
      case "authorization_code":
        return await provider.AuthorizationCode.find(params.get("code") ?? "");
      default:
        return undefined;
    }
  } catch {
    return undefined; // a malformed value: oidc-provider answers invalid_grant itself
  }
}

/**
 * The Entra-shaped error to answer with, or undefined to let oidc-provider go on (with a decision recorded for
 * `req`). Requests this gate cannot judge (unknown or spent code/token, another client) go on undecided and
 * oidc-provider refuses them as usual.
 */
export async function gateTokenRequest(
  req: http.IncomingMessage,
  params: URLSearchParams,
  { provider, consent, stepUp, apis, clientName }: TokenGateSettings,
): Promise<EntraTokenError | undefined> {
  const source = await findSource(provider, params);
  if (!source?.accountId || source.isExpired || source.consumed || source.clientId !== params.get("client_id")) {
    return undefined;
  }
  const person = findSignInPersonByOid(source.accountId);
  if (!person) return undefined;

  const clientId = source.clientId;
  const trace = () => newTrace(new URL(req.url ?? "/", "http://localhost").searchParams.get("client-request-id") ?? params.get("client-request-id"));

  const claimsParameter = params.get("claims") ?? undefined;
  const asked = accessTokenClaimsOf(claimsParameter);
  if (!asked) return entraTokenError("invalid_request", AADSTS.invalidClaims, trace());
  let claims: ClaimsRequest = readClaimsRequest(asked);
  // A code carries what /auth asked for (see rememberAuthClaims in server.ts). Refresh tokens inherit it too, but a
  // refresh counts only what it asks for itself, as MSAL re-sends the claims it wants.
  const atAuth =
    params.get("grant_type") === "authorization_code"
      ? (source.claims as { access_token?: unknown } | undefined)?.access_token
      : undefined;
  if (typeof atAuth === "object" && atAuth !== null) {
    claims = mergeClaimsRequests(claims, readClaimsRequest(atAuth as Record<string, unknown>));
  }

  // MSAL re-sends the scopes it wants, for one API; without any API's scope, the code or refresh token's own scopes
  // count (those of the sign-in: Graph's when it named both).
  const requested = splitScopes(params.get("scope"));
  const named = apisNamedBy(apis.all, requested);
  if (named.length > 1) return entraTokenError("invalid_scope", AADSTS.multipleResources(requested.join(" ")), trace());
  const scopes = named.length ? requested : splitScopes(source.scope);
  const api = apisNamedBy(apis.all, scopes)[0] ?? apis.graph;
  const decision = decideScopes(scopes, consent.consentedTo(person, api), api);
  if ("missing" in decision) {
    return entraTokenError("invalid_grant", AADSTS.consentRequired(clientId, clientName), trace(), {
      suberror: "consent_required",
    });
  }

  if (stepUp.missingFor(person.oid, claims.authContexts).length) {
    return entraTokenError("invalid_grant", AADSTS.mfaRequiredFor(api.appId), trace(), {
      suberror: "basic_action",
      claims: claimsParameter ?? JSON.stringify({ access_token: atAuth }),
    });
  }

  if (decision.selfConsented.length) consent.grantUser(person.oid, decision.selfConsented);
  decisions.set(req, {
    person,
    api,
    entries: decision.granted,
    grant: { scopes: decision.granted.map(api.scpName), cp1: claims.cp1, authContexts: stepUp.satisfiedBy(person.oid) },
  });
  return undefined;
}
