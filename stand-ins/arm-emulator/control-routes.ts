// Test-only control endpoints under /_arm (no token; the server listens on 127.0.0.1 only, and these refuse any
// other peer as well). Never part of the app's code paths. See README.md for curl examples.

import type { Hono } from "hono";
import { z } from "zod";

import { jsonBody, listOf, refuseUnlessLoopback } from "../control-kit";

import { claimsDemandSchema } from "./engine/claims-challenge";
import { faultRuleSchema } from "./engine/faults";
import type { ArmRuntime } from "./engine/runtime";
import { findKind, REQUEST_KINDS } from "./model/request-kinds";
import { ARM_REQUEST_STATUSES, statusNamed } from "./model/statuses";

const throttleSchema = z
  .object({
    enabled: z.boolean(),
    readsBurst: z.number().int().min(1),
    readsPerSecond: z.number().min(0),
    writesBurst: z.number().int().min(1),
    writesPerSecond: z.number().min(0),
  })
  .partial()
  .strict();

const configSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000),
    pageSize: z.number().int().min(1).max(1000),
    /** true/false switches limiting on or off; an object changes the limits too. */
    throttle: z.union([z.boolean(), throttleSchema]),
  })
  .partial()
  .strict();

const statusSchema = z.object({ status: z.string().min(1) });

const unknownKind = () => ({ error: `Unknown kind; use one of: ${REQUEST_KINDS.flatMap((k) => [k.kind, k.segment]).join(", ")}.` });

export function mountArmControlRoutes(app: Hono, runtime: ArmRuntime): void {
  app.use("/_arm/*", async (c, next) => {
    const refused = refuseUnlessLoopback(c);
    if (refused) return refused;
    await next();
  });

  app.post("/_arm/reset", (c) => {
    runtime.reset();
    return c.json({ status: "reset" });
  });

  app.get("/_arm/requests", (c) => c.json(runtime.log.list()));
  app.delete("/_arm/requests", (c) => {
    runtime.log.clear();
    return c.json({ status: "cleared" });
  });

  app.get("/_arm/faults", (c) => c.json({ faults: runtime.faults.list() }));
  app.post("/_arm/faults", async (c) => {
    const parsed = z.array(faultRuleSchema).safeParse(listOf(await jsonBody(c.req.raw)));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    try {
      runtime.faults.add(parsed.data);
    } catch (error) {
      return c.json({ error: `Bad pathPattern: ${(error as Error).message}` }, 400);
    }
    return c.json({ faults: runtime.faults.list() });
  });
  app.delete("/_arm/faults", (c) => {
    runtime.faults.clear();
    return c.json({ faults: [] });
  });

  app.get("/_arm/claims-challenge", (c) => c.json({ claimsChallenges: runtime.claims.list() }));
  app.post("/_arm/claims-challenge", async (c) => {
    const parsed = z.array(claimsDemandSchema).safeParse(listOf((await jsonBody(c.req.raw)) ?? {}));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    try {
      runtime.claims.add(parsed.data);
    } catch (error) {
      return c.json({ error: `Bad pathPattern: ${(error as Error).message}` }, 400);
    }
    return c.json({ claimsChallenges: runtime.claims.list() });
  });
  app.delete("/_arm/claims-challenge", (c) => {
    runtime.claims.clear();
    return c.json({ claimsChallenges: [] });
  });

  app.get("/_arm/config", (c) => c.json(runtime.config));
  app.post("/_arm/config", async (c) => {
    const parsed = configSchema.safeParse(await jsonBody(c.req.raw));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    const { throttle, ...rest } = parsed.data;
    const limits = typeof throttle === "boolean" ? { enabled: throttle } : (throttle ?? {});
    runtime.config = { ...runtime.config, ...rest, throttle: { ...runtime.config.throttle, ...limits } };
    return c.json(runtime.config);
  });

  // "Approved meanwhile" and similar: set a stored request's status (any status of the spec's enum).
  app.post("/_arm/requests/:kind/:name", async (c) => {
    const kind = findKind(c.req.param("kind"));
    if (!kind) return c.json(unknownKind(), 404);
    const parsed = statusSchema.safeParse(await jsonBody(c.req.raw));
    const status = parsed.success ? statusNamed(parsed.data.status) : undefined;
    if (!status) return c.json({ error: `Send {"status":"…"} with one of: ${ARM_REQUEST_STATUSES.join(", ")}.` }, 400);
    const record = runtime.state.setStatus(kind.kind, c.req.param("name"), status);
    return record ? c.json(record) : c.json({ error: `No ${kind.segment} named ${c.req.param("name")}.` }, 404);
  });

  app.get("/_arm/state/:kind", (c) => {
    const kind = findKind(c.req.param("kind"));
    return kind ? c.json(runtime.state.all(kind.kind)) : c.json(unknownKind(), 404);
  });
  app.get("/_arm/state/:kind/:name", (c) => {
    const kind = findKind(c.req.param("kind"));
    if (!kind) return c.json(unknownKind(), 404);
    const record = runtime.state.find(kind.kind, c.req.param("name"));
    return record ? c.json(record) : c.json({ error: `No ${kind.segment} named ${c.req.param("name")}.` }, 404);
  });

  app.all("/_arm/*", (c) => c.json({ error: "Unknown control endpoint; see stand-ins/arm-emulator/README.md." }, 404));
}
