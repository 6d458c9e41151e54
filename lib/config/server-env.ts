import "server-only";
import { z } from "zod";

// Validated once, at first use. Production and the offline demo differ only in these values.
const serverEnvSchema = z.object({
  /** Graph root without version: https://graph.microsoft.com (global), graph.microsoft.us, … or the emulator. */
  GRAPH_BASE_URL: z.url().default("https://graph.microsoft.com"),
  GRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  GRAPH_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  /** Longest Retry-After the server will sit out inside one API call before giving the 429 back to the UI. */
  GRAPH_MAX_RETRY_WAIT_MS: z.coerce.number().int().min(0).default(10_000),
  AUTH_CLIENT_ID: z.string().min(1),
  /** https://login.microsoftonline.com/<tenant-id> in Entra; the local identity provider in the demo. */
  AUTH_AUTHORITY: z.url(),
  AUTH_KNOWN_AUTHORITIES: z.string().default(""),
  /** Optional: where to read OpenID metadata when the authority cannot be discovered over https (local IdP). */
  AUTH_METADATA_URL: z.url().optional(),
  AUTH_PROTOCOL_MODE: z.enum(["AAD", "OIDC"]).default("AAD"),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (!cached) {
    const parsed = serverEnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Request Desk is misconfigured (${problems}). See README, "Configuration".`);
    }
    cached = parsed.data;
  }
  return cached;
}
