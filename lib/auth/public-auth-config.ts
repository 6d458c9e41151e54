import "server-only";
import { z } from "zod";
import { serverEnv } from "@/lib/config/server-env";
import { qualifyGraphScope } from "@/lib/config/cloud-profiles";
import { registeredScopes } from "@/lib/categories/registry";
import { qualifiedArmScopes } from "./arm-scopes";
import type { PublicAuthConfig } from "./auth-config-types";

// The subset of OpenID metadata MSAL reads from `authorityMetadata`.
const metadataSchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  end_session_endpoint: z.string().optional(),
  jwks_uri: z.string(),
});

let metadataCache: Promise<string | undefined> | undefined;

/**
 * What the browser needs to sign in, read from the server's environment at request time, so one build serves
 * any tenant or cloud. With Entra, MSAL discovers the authority itself; a provider reachable only over plain http
 * (the local one) is described through `authorityMetadata`, since MSAL accepts only https authorities.
 */
export async function publicAuthConfig(): Promise<PublicAuthConfig> {
  const env = serverEnv();
  const { endpoints } = env;
  return {
    clientId: env.AUTH_CLIENT_ID,
    authority: endpoints.authority,
    knownAuthorities: env.AUTH_KNOWN_AUTHORITIES.split(",").map((s) => s.trim()).filter(Boolean),
    authorityMetadata: await authorityMetadata(env.AUTH_METADATA_URL),
    protocolMode: env.AUTH_PROTOCOL_MODE,
    loginScopes: [qualifyGraphScope("User.Read", endpoints.graphResource)],
    graphResource: endpoints.graphResource,
    armResource: endpoints.armResource,
    // The registry is the one list of what each API's categories need (as it is for the app registration).
    armScopes: qualifiedArmScopes(registeredScopes("arm"), endpoints),
    loginUrl: endpoints.loginUrl,
  };
}

function authorityMetadata(url: string | undefined): Promise<string | undefined> {
  if (!url) return Promise.resolve(undefined);
  metadataCache ??= fetch(url, { cache: "no-store" })
    .then((r) => r.json())
    .then((json) => JSON.stringify(metadataSchema.parse(json)))
    .catch((error: unknown) => {
      metadataCache = undefined;
      throw new Error(`Could not read the identity provider's metadata from ${url}: ${String(error)}`);
    });
  return metadataCache;
}
