// Bearer token verification for the ARM audience: an RS256 JWT signed by the identity provider's keys (JWKS), for
// the configured ARM audience, not expired, from the served tenant, delegated with `user_impersonation` (contract
// "Hosts and tokens": a Graph token is not accepted by ARM). 401 answers carry ARM's CloudError codes and a
// `WWW-Authenticate` challenge sending the client back to the identity provider.

import { createRemoteJWKSet, errors, jwtVerify } from "jose";

import { ArmError } from "./cloud-error";
import type { ArmCaller } from "./types";

/** ARM's delegated permission (contract "Hosts and tokens": `<host>/user_impersonation`). */
export const USER_IMPERSONATION = "user_impersonation";

export interface ArmTokenOptions {
  issuer: string;
  jwksUrl: string;
  /** e.g. https://management.azure.com; accepted with or without its trailing slash. */
  audience: string;
}

export type ArmAuthenticate = (authorization: string | undefined) => Promise<ArmCaller>;

const quoted = (text: string) => text.replace(/["\\]/g, "'");

/** ARM's challenge: where to get a token, and why this one was refused (RFC 6750 `invalid_token`). */
export function armChallenge(issuer: string, error: string, description: string, extra = ""): Record<string, string> {
  return {
    "WWW-Authenticate": `Bearer authorization_uri="${issuer.replace(/\/+$/, "")}", error="${error}", error_description="${quoted(description)}"${extra}`,
  };
}

const strings = (claim: unknown): string[] => (Array.isArray(claim) ? claim.filter((v): v is string => typeof v === "string") : []);
const text = (claim: unknown): string | undefined => (typeof claim === "string" && claim.length > 0 ? claim : undefined);

/**
 * ARM's answer to a token of another tenant than the resource's (InvalidAuthenticationTokenTenant, naming both
 * tenants): the stand-in holds only Contoso's resources, so any scoped path refuses another tenant's token.
 */
export function wrongTenant(issuer: string, servedTenant: string, tokenTenant: string): ArmError {
  const message = `The access token is from the wrong issuer. It must match the tenant '${servedTenant}' associated with this subscription; the token's tenant is '${tokenTenant}'. Please use the authority (URL) 'https://login.microsoftonline.com/${servedTenant}' to get the token.`;
  return new ArmError(401, "InvalidAuthenticationTokenTenant", message, armChallenge(issuer, "invalid_token", message));
}

export function createArmAuthenticator(options: ArmTokenOptions): ArmAuthenticate {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 1000 });
  const bare = options.audience.replace(/\/+$/, "");
  const audiences = [bare, `${bare}/`];
  const refuse = (code: string, message: string) => new ArmError(401, code, message, armChallenge(options.issuer, "invalid_token", message));

  return async (authorization) => {
    // ARM's answer to a call without a token uses its own code, not InvalidAuthenticationToken.
    if (!authorization?.trim()) throw refuse("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim())?.[1];
    if (!token) throw refuse("AuthenticationFailed", "Authentication failed. The 'Authorization' header is not a Bearer token.");
    let payload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer: options.issuer, audience: audiences, algorithms: ["RS256"], clockTolerance: 5 }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        const expiry = typeof error.payload.exp === "number" ? new Date(error.payload.exp * 1000).toISOString() : "unknown";
        throw refuse("ExpiredAuthenticationToken", `The access token expiry UTC time '${expiry}' is earlier than current UTC time '${new Date().toISOString()}'.`);
      }
      throw refuse("InvalidAuthenticationToken", messageFor(error, audiences));
    }
    const oid = text(payload.oid);
    if (!oid) throw refuse("InvalidAuthenticationToken", "The access token is invalid: it has no 'oid' claim.");
    // Any tenant's token is a valid ARM token; whether it may touch Contoso's resources is the pipeline's question.
    const tid = text(payload.tid);
    if (!tid) throw refuse("InvalidAuthenticationToken", "The access token is invalid: it has no 'tid' claim.");
    const scopes = new Set((text(payload.scp) ?? "").split(" ").filter(Boolean).map((s) => s.slice(s.lastIndexOf("/") + 1)));
    // Inference: no documented answer exists for an ARM-audience token without ARM's only delegated scope; 401
    // invalid_token tells the client that a new token (with the scope) fixes it, which a 403 would not.
    if (!scopes.has(USER_IMPERSONATION)) {
      throw refuse("InvalidAuthenticationToken", `The access token does not carry the delegated scope '${USER_IMPERSONATION}' required by Azure Resource Manager.`);
    }
    return {
      oid,
      tenantId: tid,
      signInName: text(payload.upn) ?? text(payload.preferred_username) ?? text(payload.unique_name) ?? oid,
      scopes,
      capabilities: new Set(strings(payload.xms_cc)),
      authContexts: new Set(strings(payload.acrs)),
    };
  };
}

function messageFor(error: unknown, audiences: readonly string[]): string {
  if (error instanceof errors.JWTClaimValidationFailed) {
    // ARM's audience message names the accepted audiences (contract "Hosts and tokens": a Graph token is refused).
    if (error.claim === "aud") {
      const given = error.payload.aud;
      return `The access token has been obtained for wrong audience or resource '${Array.isArray(given) ? given.join(",") : String(given)}'. It should exactly match with one of the allowed audiences '${audiences.join("','")}'.`;
    }
    if (error.claim === "iss") return `The access token is from the wrong issuer '${String(error.payload.iss)}'.`;
    if (error.claim === "nbf") return "The access token is not yet valid.";
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return "The access token signature is invalid.";
  }
  if (error instanceof errors.JWKSTimeout || (error instanceof Error && error.name === "TypeError")) {
    return "The access token could not be validated: the signing keys could not be fetched from the identity provider.";
  }
  return "The access token is invalid.";
}
