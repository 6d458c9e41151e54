import "server-only";
import { z } from "zod";
import { resolveCloudEndpoints, type CloudEndpoints } from "./cloud-profiles";

// Validated once, at first use. Production and the offline demo differ only in these values.
const serverEnvSchema = z.object({
  /**
   * Which Microsoft cloud: its login host, Graph host and Azure Resource Manager host come together from Microsoft's
   * national cloud table (lib/config/cloud-profiles.ts), so they can never disagree.
   */
  AUTH_CLOUD: z.enum(["global", "usgov", "usgovdod", "china"]).default("global"),
  /** The tenant id (or domain) users sign in to; `organizations` lets any tenant that consented sign in. */
  AUTH_TENANT_ID: z.string().min(1).optional(),
  AUTH_CLIENT_ID: z.string().min(1),
  // Overrides of the cloud profile, for the offline stand-ins (or an unusual set-up); none is needed with Entra ID.
  /** The MSAL authority; default `<login host>/<AUTH_TENANT_ID>`. */
  AUTH_AUTHORITY: z.url().optional(),
  /** The login host the admin-consent link points at; default the cloud's. */
  AUTH_LOGIN_URL: z.url().optional(),
  /** Graph root without version; default the cloud's Graph host. */
  GRAPH_BASE_URL: z.url().optional(),
  /** The Graph token audience (scope prefix); default the cloud's. */
  GRAPH_RESOURCE: z.url().optional(),
  /** Azure Resource Manager root; default the cloud's. */
  ARM_BASE_URL: z.url().optional(),
  /** The ARM token audience (scope prefix); default the cloud's. */
  ARM_RESOURCE: z.url().optional(),
  GRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  GRAPH_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  /** Longest Retry-After the server will sit out inside one API call before giving the 429 back to the UI. */
  GRAPH_MAX_RETRY_WAIT_MS: z.coerce.number().int().min(0).default(10_000),
  AUTH_KNOWN_AUTHORITIES: z.string().default(""),
  /** Optional: where to read OpenID metadata when the authority cannot be discovered over https (local IdP). */
  AUTH_METADATA_URL: z.url().optional(),
  AUTH_PROTOCOL_MODE: z.enum(["AAD", "OIDC"]).default("AAD"),
  /**
   * The secret list cursors are sealed with (HMAC key derived from it, lib/upstreams/cursor-key.ts). Every replica
   * behind a load balancer needs the same one; unset, each process generates its own at start.
   */
  CURSOR_SECRET: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 48`)").optional(),
  ),
  // Abuse limits of the app's own API (lib/api/admit-caller.ts). Generous for a person clicking, tight enough
  // that one caller cannot spend the instance's memory or Graph quota for everyone.
  /** Requests a caller (one access token) may send at once, and how fast that allowance refills. */
  API_RATE_LIMIT_USER_BURST: z.coerce.number().int().positive().default(1_000),
  API_RATE_LIMIT_USER_PER_SECOND: z.coerce.number().positive().default(50),
  /** The same per client address, token or not (several users may share an address behind NAT: hence larger). */
  API_RATE_LIMIT_ADDRESS_BURST: z.coerce.number().int().positive().default(2_000),
  API_RATE_LIMIT_ADDRESS_PER_SECOND: z.coerce.number().positive().default(100),
  /** Callers and addresses remembered per limit; past it the longest-unseen is forgotten (memory stays bounded). */
  API_RATE_LIMIT_MAX_KEYS: z.coerce.number().int().positive().default(10_000),
  /** The largest bulk cancel body; a 1,000-item bulk cancel is about 100 KB. */
  API_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Request body bytes this instance holds at once, all callers together; past it new bodies get 503 server_busy. */
  API_BODY_BUDGET_BYTES: z.coerce.number().int().positive().default(8 * 1_048_576),
  /** How long a client may take to send its whole body (slow-drip senders hold memory and a connection). */
  API_BODY_READ_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * Reverse proxies in front of the app that append the client's address to X-Forwarded-For. 0: the TCP peer is
   * the client and X-Forwarded-For is ignored (anyone can write it).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type ServerEnv = z.infer<typeof serverEnvSchema> & { endpoints: CloudEndpoints; GRAPH_BASE_URL: string };

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (!cached) {
    const parsed = serverEnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Request Desk is misconfigured (${problems}). See README, "Configuration".`);
    }
    const env = parsed.data;
    const endpoints = resolveCloudEndpoints({
      cloud: env.AUTH_CLOUD,
      tenantId: env.AUTH_TENANT_ID,
      authority: env.AUTH_AUTHORITY,
      loginUrl: env.AUTH_LOGIN_URL,
      graphBaseUrl: env.GRAPH_BASE_URL,
      graphResource: env.GRAPH_RESOURCE,
      armBaseUrl: env.ARM_BASE_URL,
      armResource: env.ARM_RESOURCE,
    });
    cached = { ...env, endpoints, GRAPH_BASE_URL: endpoints.graphBaseUrl };
  }
  return cached;
}
