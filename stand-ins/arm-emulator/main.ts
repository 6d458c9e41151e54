// CLI: `npx tsx stand-ins/arm-emulator/main.ts`. Environment: see README.md.

import { z } from "zod";

import { IDP_PORT } from "../demo-tenant";
import { ARM_DEFAULT_AUDIENCE, ARM_EMULATOR_PORT, startArmEmulator } from "./server";
import { DEFAULT_THROTTLE } from "./engine/types";

const Env = z.object({
  ARM_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(ARM_EMULATOR_PORT),
  IDP_ISSUER: z.url().default(`http://localhost:${IDP_PORT}`),
  IDP_JWKS_URL: z.url().optional(),
  ARM_AUDIENCE: z.url().default(ARM_DEFAULT_AUDIENCE),
  ARM_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  ARM_LATENCY_MS: z.coerce.number().int().min(0).default(0),
  ARM_THROTTLE: z.enum(["0", "1"]).default("1"),
  ARM_THROTTLE_READS_BURST: z.coerce.number().int().min(1).default(DEFAULT_THROTTLE.readsBurst),
  ARM_THROTTLE_READS_PER_SECOND: z.coerce.number().min(0).default(DEFAULT_THROTTLE.readsPerSecond),
  ARM_THROTTLE_WRITES_BURST: z.coerce.number().int().min(1).default(DEFAULT_THROTTLE.writesBurst),
  ARM_THROTTLE_WRITES_PER_SECOND: z.coerce.number().min(0).default(DEFAULT_THROTTLE.writesPerSecond),
  ARM_SEED_EXTRA_REQUESTS: z.coerce.number().int().min(0).default(0),
  ARM_EMULATOR_QUIET: z.enum(["0", "1"]).default("0"),
});

const parsed = Env.safeParse(Object.fromEntries(Object.keys(Env.shape).map((key) => [key, process.env[key] || undefined])));
if (!parsed.success) {
  console.error(`[arm] Bad environment: ${z.prettifyError(parsed.error)}`);
  process.exit(2);
}
const env = parsed.data;

const emulator = await startArmEmulator({
  port: env.ARM_EMULATOR_PORT,
  issuer: env.IDP_ISSUER,
  jwksUrl: env.IDP_JWKS_URL ?? `${env.IDP_ISSUER.replace(/\/+$/, "")}/jwks`,
  audience: env.ARM_AUDIENCE,
  pageSize: env.ARM_PAGE_SIZE,
  latencyMs: env.ARM_LATENCY_MS,
  throttle: {
    enabled: env.ARM_THROTTLE === "1",
    readsBurst: env.ARM_THROTTLE_READS_BURST,
    readsPerSecond: env.ARM_THROTTLE_READS_PER_SECOND,
    writesBurst: env.ARM_THROTTLE_WRITES_BURST,
    writesPerSecond: env.ARM_THROTTLE_WRITES_PER_SECOND,
  },
  seed: { extraRequestsPerKind: env.ARM_SEED_EXTRA_REQUESTS },
  log: env.ARM_EMULATOR_QUIET === "1" ? false : (line) => console.log(`[arm] ${line}`),
});
console.log(`[arm] Azure Resource Manager emulator listening on ${emulator.url} — issuer ${env.IDP_ISSUER}, audience ${env.ARM_AUDIENCE}, page size ${env.ARM_PAGE_SIZE}`);

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
