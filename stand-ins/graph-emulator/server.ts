// The Microsoft Graph emulator: an HTTP server on 127.0.0.1 that answers like graph.microsoft.com for the
// endpoints Request Desk uses (see README.md). The app reaches it through its production code; only the base URL
// differs.

import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";

import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";

import { DEMO_TENANT_ID, FABRIKAM_TENANT_ID, GRAPH_EMULATOR_PORT, IDP_PORT } from "../demo-tenant";
import { GRAPH_ROUTES } from "./collections/registry";
import { mountControlRoutes } from "./control-routes";
import { createAuthenticator } from "./engine/auth";
import { JSON_CONTENT_TYPE } from "./engine/batch";
import { makeCall } from "./engine/call";
import { badRequest, errorResult, graphDate } from "./engine/graph-error";
import { rejectCall, runGraphCall } from "./engine/pipeline";
import { RequestLog } from "./engine/request-log";
import { createRouter } from "./engine/routing";
import { createRuntime } from "./engine/runtime";
import { createTenants, type EmulatorTenants } from "./engine/tenants";
import type { EmulatorConfig, GraphResult } from "./engine/types";
import type { GraphVersion } from "./model";
import { buildSeed, type SeedOptions } from "./seed";
import { buildFabrikamSeed } from "./seed/fabrikam-seed";
import { keepIdleConnections } from "../keep-alive";

export interface GraphEmulatorOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 4000 (GRAPH_EMULATOR_PORT). */
  port?: number;
  /** Expected token issuer. Default http://localhost:4100 (the local identity provider). */
  issuer?: string;
  /** Where the signing keys are. Default `${issuer}/jwks`. */
  jwksUrl?: string;
  /** Items per page before @odata.nextLink. Default 50. */
  pageSize?: number;
  /** Added to every Graph call (batch items in parallel). Default 0. */
  latencyMs?: number;
  /** Success status of access package cancel (contract §9 D-1). Default 200. */
  dCancelSuccessStatus?: 200 | 204;
  /** Requests per caller per 10 s before 429; 0 = off. Default 2000. */
  throttlePer10s?: number;
  /** Category B answers as the retired service does (contract §4). Default false. */
  bRetired?: boolean;
  /** Category E requests awaiting approval can be cancelled (role-request-status.ts). Default true. */
  eCancelPendingApproval?: boolean;
  /** Contoso's seed (Fabrikam's is fixed: seed/fabrikam-seed.ts). */
  seed?: SeedOptions;
  /** One line per Graph call; false or absent = silent. */
  log?: ((line: string) => void) | false;
}

export interface RunningGraphEmulator {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

const VERSIONS: readonly string[] = ["v1.0", "beta"];

function toResponse(result: GraphResult, requestId: string, clientRequestId: string): Response {
  const headers = new Headers(result.headers);
  headers.set("request-id", requestId);
  headers.set("client-request-id", clientRequestId);
  if (result.body === undefined) return new Response(null, { status: result.status, headers });
  headers.set("Content-Type", JSON_CONTENT_TYPE);
  headers.set("OData-Version", "4.0");
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}

async function graphResponse(tenants: EmulatorTenants, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const [, version = "", ...rest] = url.pathname.split("/");
  const headers = Object.fromEntries(request.headers);
  if (!VERSIONS.includes(version)) {
    const requestId = randomUUID();
    const clientRequestId = headers["client-request-id"] ?? randomUUID();
    const error = badRequest(`Invalid version: '${decodeURIComponent(version)}'. Use v1.0 or beta.`);
    return toResponse(errorResult(error, requestId, clientRequestId), requestId, clientRequestId);
  }
  const text = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
  let body: unknown;
  let malformed = false;
  try {
    body = text.trim() ? JSON.parse(text) : undefined;
  } catch {
    malformed = true;
  }
  // The token's tenant answers (a $batch envelope's token for all its items); see engine/tenants.ts.
  const runtime = tenants.forAuthorization(headers.authorization);
  const call = makeCall({
    method: request.method,
    version: version as GraphVersion,
    path: rest.join("/"),
    rawQuery: url.search,
    headers,
    body,
    origin: url.origin,
    viaBatch: false,
  });
  const result = malformed
    ? rejectCall(runtime, call, badRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format."))
    : await runGraphCall(runtime, call);
  return toResponse(result, call.requestId, call.clientRequestId);
}

export async function startGraphEmulator(options: GraphEmulatorOptions = {}): Promise<RunningGraphEmulator> {
  const issuer = options.issuer ?? `http://localhost:${IDP_PORT}`;
  const config: EmulatorConfig = {
    latencyMs: options.latencyMs ?? 0,
    pageSize: options.pageSize ?? 50,
    dCancelSuccessStatus: options.dCancelSuccessStatus ?? 200,
    throttlePer10s: options.throttlePer10s ?? 2000,
    bRetired: options.bRetired ?? false,
    eCancelPendingApproval: options.eCancelPendingApproval ?? true,
  };
  const shared = {
    config,
    issuer,
    log: new RequestLog(),
    authenticate: createAuthenticator({ issuer, jwksUrl: options.jwksUrl ?? `${issuer.replace(/\/+$/, "")}/jwks` }),
    router: createRouter(GRAPH_ROUTES),
    ...(options.log ? { trace: options.log } : {}),
  };
  // Contoso first: it is the home tenant the control endpoints act on unless told ?tenant=.
  const tenants = createTenants([
    createRuntime({ ...shared, tenantId: DEMO_TENANT_ID, seed: buildSeed(options.seed) }),
    createRuntime({ ...shared, tenantId: FABRIKAM_TENANT_ID, seed: buildFabrikamSeed() }),
  ]);

  const app = new Hono();
  // Graph stamps every response with request-id and client-request-id (echoed when the client sent one).
  app.use("*", async (c, next) => {
    await next();
    if (!c.res.headers.has("request-id")) {
      c.res.headers.set("request-id", randomUUID());
      c.res.headers.set("client-request-id", c.req.header("client-request-id") ?? randomUUID());
    }
  });
  app.get("/health", (c) => c.json({ status: "ok", time: graphDate() }));
  mountControlRoutes(app, tenants);
  app.all("*", (c) => graphResponse(tenants, c.req.raw));

  const server = createAdaptorServer({ fetch: app.fetch });
  keepIdleConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? GRAPH_EMULATOR_PORT, "127.0.0.1", () => {
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
