// CLI: `npx tsx stand-ins/graph-emulator/main.ts` (or `npm run emulator`). Environment: see README.md.

import { z } from "zod";

import { GRAPH_EMULATOR_PORT, IDP_PORT } from "../demo-tenant";
import { startGraphEmulator } from "./server";

const Env = z.object({
  GRAPH_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(GRAPH_EMULATOR_PORT),
  IDP_ISSUER: z.url().default(`http://localhost:${IDP_PORT}`),
  IDP_JWKS_URL: z.url().optional(),
  GRAPH_PAGE_SIZE: z.coerce.number().int().min(1).max(999).default(50),
  GRAPH_LATENCY_MS: z.coerce.number().int().min(0).default(0),
  D_CANCEL_SUCCESS_STATUS: z.enum(["200", "204"]).default("200"),
  GRAPH_THROTTLE_PER_10S: z.coerce.number().int().min(0).default(2000),
  GRAPH_B_RETIRED: z.enum(["0", "1"]).default("0"),
  E_CANCEL_PENDING_APPROVAL: z.enum(["0", "1"]).default("1"),
  GRAPH_SEED_EXTRA_REQUESTS: z.coerce.number().int().min(0).default(0),
  GRAPH_SEED_EXTRA_USERS: z.coerce.number().int().min(0).default(0),
  GRAPH_EMULATOR_QUIET: z.enum(["0", "1"]).default("0"),
});

const parsed = Env.safeParse(Object.fromEntries(Object.keys(Env.shape).map((key) => [key, process.env[key] || undefined])));
if (!parsed.success) {
  console.error(`[graph] Bad environment: ${z.prettifyError(parsed.error)}`);
  process.exit(2);
}
const env = parsed.data;

const emulator = await startGraphEmulator({
  port: env.GRAPH_EMULATOR_PORT,
  issuer: env.IDP_ISSUER,
  jwksUrl: env.IDP_JWKS_URL ?? `${env.IDP_ISSUER.replace(/\/+$/, "")}/jwks`,
  pageSize: env.GRAPH_PAGE_SIZE,
  latencyMs: env.GRAPH_LATENCY_MS,
  dCancelSuccessStatus: env.D_CANCEL_SUCCESS_STATUS === "204" ? 204 : 200,
  throttlePer10s: env.GRAPH_THROTTLE_PER_10S,
  bRetired: env.GRAPH_B_RETIRED === "1",
  eCancelPendingApproval: env.E_CANCEL_PENDING_APPROVAL === "1",
  seed: { extraRequestsPerCollection: env.GRAPH_SEED_EXTRA_REQUESTS, extraUsers: env.GRAPH_SEED_EXTRA_USERS },
  log: env.GRAPH_EMULATOR_QUIET === "1" ? false : (line) => console.log(`[graph] ${line}`),
});
console.log(`[graph] Microsoft Graph emulator listening on ${emulator.url} — issuer ${env.IDP_ISSUER}, page size ${env.GRAPH_PAGE_SIZE}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
