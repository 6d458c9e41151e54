import { z } from "zod";

// The custom server's own settings (server/main.ts), read once at start. Everything else is the app's (server-env).
const edgeEnvSchema = z.object({
  /** Loopback by default: a reverse proxy or load balancer in front terminates TLS and forwards here. */
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /**
   * Largest request head (request line plus headers) the server reads; beyond it the answer is a JSON 431. Two
   * bearer tokens (Graph and ARM, a few KiB each, more with many group claims) fit several times over.
   */
  REQUEST_HEADER_LIMIT_BYTES: z.coerce.number().int().min(8 * 1024).max(256 * 1024).default(32 * 1024),
});

export type EdgeConfig = z.infer<typeof edgeEnvSchema>;

export function readEdgeConfig(env: Record<string, string | undefined> = process.env): EdgeConfig {
  const parsed = edgeEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Request Desk's server is misconfigured (${problems}). See README, "Configuration".`);
  }
  return parsed.data;
}
