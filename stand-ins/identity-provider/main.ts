// CLI: `npx tsx stand-ins/identity-provider/main.ts` (or `npm run idp`).
// Env: IDP_PORT (default 4100), APP_ORIGIN (default http://localhost:3000), IDP_DATA_DIR (default
// <repo>/.stand-ins-data), IDP_ARM_RESOURCE (default https://management.azure.com: the ARM audience it also mints
// tokens for).

import { z } from "zod";

import { ARM_RESOURCE, DEMO_CLIENT_ID, IDP_PORT } from "../demo-tenant";
import { DEFAULT_APP_ORIGIN, DEFAULT_DATA_DIR, startIdentityProvider } from "./server";

const Env = z.object({
  IDP_PORT: z.coerce.number().int().min(0).max(65535).default(IDP_PORT),
  APP_ORIGIN: z.url({ protocol: /^https?$/ }).default(DEFAULT_APP_ORIGIN),
  IDP_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  IDP_ARM_RESOURCE: z.url({ protocol: /^https?$/ }).default(ARM_RESOURCE),
});

const parsed = Env.safeParse({
  IDP_PORT: process.env.IDP_PORT || undefined,
  APP_ORIGIN: process.env.APP_ORIGIN || undefined,
  IDP_DATA_DIR: process.env.IDP_DATA_DIR || undefined,
  IDP_ARM_RESOURCE: process.env.IDP_ARM_RESOURCE || undefined,
});
if (!parsed.success) {
  console.error(`[idp] Bad environment: ${z.prettifyError(parsed.error)}`);
  process.exit(2);
}
const env = parsed.data;

const idp = await startIdentityProvider({
  port: env.IDP_PORT,
  appOrigin: env.APP_ORIGIN,
  dataDir: env.IDP_DATA_DIR,
  armResource: env.IDP_ARM_RESOURCE,
});
console.log(
  `[idp] Local identity provider listening on http://127.0.0.1:${idp.port} — issuer ${idp.issuer}, client ${DEMO_CLIENT_ID}, app ${new URL(env.APP_ORIGIN).origin}, ARM ${env.IDP_ARM_RESOURCE}, data ${env.IDP_DATA_DIR}`,
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
