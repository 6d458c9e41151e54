// Bearer token verification: a JWT signed by the identity provider's keys (JWKS), for the Graph audience, not
// expired. The messages follow real Graph's InvalidAuthenticationToken answers so the app's mapping is exercised.

import { createRemoteJWKSet, errors, jwtVerify } from "jose";

import { GraphError } from "./graph-error";
import type { Caller } from "./types";

/** Graph's audience in both the URI form and the well-known Microsoft Graph app id. */
export const GRAPH_AUDIENCES = ["https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"];
const SCOPE_PREFIX = "https://graph.microsoft.com/";

export interface TokenVerifierOptions {
  issuer: string;
  jwksUrl: string;
}

export type Authenticate = (authorization: string | undefined) => Promise<Caller>;

/**
 * Graph's `WWW-Authenticate` on a 401: where to sign in (our identity provider stands in for login.microsoftonline.com)
 * and Graph's own app id; `extra` adds parameters such as a claims challenge's `error` and `claims`.
 */
export function bearerChallenge(issuer: string, extra = ""): Record<string, string> {
  const authorizationUri = `${issuer.replace(/\/+$/, "")}/auth`;
  return { "WWW-Authenticate": `Bearer realm="", authorization_uri="${authorizationUri}", client_id="${GRAPH_AUDIENCES[1]}"${extra}` };
}

const strings = (claim: unknown): string[] => (Array.isArray(claim) ? claim.filter((v): v is string => typeof v === "string") : []);

export function createAuthenticator(options: TokenVerifierOptions): Authenticate {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 1000 });
  const challenge = bearerChallenge(options.issuer);
  const invalid = (message: string) => new GraphError(401, "InvalidAuthenticationToken", message, challenge);

  return async (authorization) => {
    const match = /^Bearer\s+(.*)$/i.exec(authorization?.trim() ?? "");
    const token = match?.[1]?.trim() ?? "";
    if (!token) throw invalid("Access token is empty.");
    let payload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: GRAPH_AUDIENCES,
        algorithms: ["RS256", "PS256", "ES256"],
        clockTolerance: 5,
      }));
    } catch (error) {
      throw invalid(messageFor(error));
    }
    if (typeof payload.oid !== "string" || payload.oid.length === 0) {
      throw invalid("Access token validation failure. The token has no 'oid' claim.");
    }
    const scp = typeof payload.scp === "string" ? payload.scp : "";
    return {
      oid: payload.oid,
      tenantId: typeof payload.tid === "string" && payload.tid ? payload.tid : undefined,
      scopes: new Set(scp.split(" ").filter(Boolean).map((s) => (s.startsWith(SCOPE_PREFIX) ? s.slice(SCOPE_PREFIX.length) : s))),
      roleTemplateIds: new Set(strings(payload.wids)),
      capabilities: new Set(strings(payload.xms_cc)),
      authContexts: new Set(strings(payload.acrs)),
    };
  };
}

function messageFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "Lifetime validation failed, the token is expired.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return "Access token validation failure. Invalid audience.";
    if (error.claim === "iss") return "Access token validation failure. Invalid issuer.";
    if (error.claim === "nbf") return "Lifetime validation failed, the token is not yet valid.";
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return "Access token validation failure. Invalid signature.";
  }
  if (error instanceof errors.JWKSTimeout || (error instanceof Error && error.name === "TypeError")) {
    return "Access token validation failure. The signing keys could not be fetched from the identity provider.";
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return "IDX14100: JWT is not well formed.";
  return "Access token validation failure.";
}
