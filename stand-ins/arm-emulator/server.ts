// The Azure Resource Manager emulator: an HTTP server on 127.0.0.1 that answers like management.azure.com for PIM
// for Azure resource roles (shared/arm-contract.md; README.md here). The app reaches it through its production code;
// only the ARM base URL differs.

import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";

import { createAdaptorServer } from "@hono/node-server";
import { Hono, type Context } from "hono";

import { DEMO_TENANT_ID, IDP_PORT } from "../demo-tenant";
import { mountArmControlRoutes } from "./control-routes";
import { createArmAuthenticator } from "./engine/auth";
import { runArmCall } from "./engine/pipeline";
import { createArmRuntime, type ArmRuntime } from "./engine/runtime";
import { DEFAULT_THROTTLE, type ArmConfig, type ArmResult, type ThrottleSettings } from "./engine/types";
import { resolveArmRoute } from "./routes";
import { buildArmSeed, type ArmSeedOptions } from "./seed";
import { keepIdleConnections } from "../keep-alive";

export const ARM_EMULATOR_PORT = 4200;
export const ARM_DEFAULT_AUDIENCE = "https://management.azure.com";

export interface ArmEmulatorOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 4200. */
  port?: number;
  /** Expected token issuer. Default http://localhost:4100 (the local identity provider). */
  issuer?: string;
  /** Where the signing keys are. Default `${issuer}/jwks`. */
  jwksUrl?: string;
  /** The ARM audience tokens must carry (with or without trailing slash). Default https://management.azure.com. */
  audience?: string;
  /** Added to every ARM call. Default 0. */
  latencyMs?: number;
  /** Items per page before nextLink. Default 50. */
  pageSize?: number;
  /** Token-bucket limits (contract defaults: reads 250/25 per s, writes 200/10 per s); false = off. */
  throttle?: Partial<ThrottleSettings> | false;
  seed?: ArmSeedOptions;
  /** One line per ARM call; false or absent = silent. */
  log?: ((line: string) => void) | false;
}

export interface RunningArmEmulator {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

const JSON_TYPE = "application/json; charset=utf-8";

function toResponse(result: ArmResult, ids: Record<string, string>): Response {
  const headers = new Headers(result.headers);
  for (const [name, value] of Object.entries(ids)) headers.set(name, value);
  if (result.body === undefined) return new Response(null, { status: result.status, headers });
  headers.set("Content-Type", JSON_TYPE);
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}

/** ARM stamps every answer with its request id and a correlation id, and echoes the client's request id. */
function requestIds(c: Context): Record<string, string> {
  const client = c.req.header("x-ms-client-request-id");
  return {
    "x-ms-request-id": randomUUID(),
    "x-ms-correlation-request-id": c.req.header("x-ms-correlation-request-id") ?? randomUUID(),
    ...(client ? { "x-ms-client-request-id": client } : {}),
  };
}

async function armResponse(runtime: ArmRuntime, c: Context): Promise<Response> {
  const url = new URL(c.req.url);
  const ids = requestIds(c);
  const segments = url.pathname
    .split("/")
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const call = {
    method: c.req.method.toUpperCase(),
    path: `/${segments.join("/")}`,
    segments,
    query: url.searchParams,
    origin: url.origin,
    authorization: c.req.header("authorization"),
  };
  return toResponse(await runArmCall(runtime, call, ids["x-ms-request-id"]!), ids);
}

export async function startArmEmulator(options: ArmEmulatorOptions = {}): Promise<RunningArmEmulator> {
  const issuer = options.issuer ?? `http://localhost:${IDP_PORT}`;
  const config: ArmConfig = {
    latencyMs: options.latencyMs ?? 0,
    pageSize: options.pageSize ?? 50,
    throttle: options.throttle === false ? { ...DEFAULT_THROTTLE, enabled: false } : { ...DEFAULT_THROTTLE, ...options.throttle },
  };
  const runtime = createArmRuntime({
    tenantId: DEMO_TENANT_ID,
    issuer,
    seed: buildArmSeed(options.seed),
    config,
    authenticate: createArmAuthenticator({
      issuer,
      jwksUrl: options.jwksUrl ?? `${issuer.replace(/\/+$/, "")}/jwks`,
      audience: options.audience ?? ARM_DEFAULT_AUDIENCE,
    }),
    resolve: resolveArmRoute,
    ...(options.log ? { trace: options.log } : {}),
  });

  const app = new Hono();
  app.get("/health", (c) => c.json({ status: "ok" }));
  mountArmControlRoutes(app, runtime);
  app.all("*", (c) => armResponse(runtime, c));

  const server = createAdaptorServer({ fetch: app.fetch });
  keepIdleConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? ARM_EMULATOR_PORT, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
