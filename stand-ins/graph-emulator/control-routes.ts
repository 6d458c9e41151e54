// Test-only control endpoints under /_emulator (no token; the server listens on 127.0.0.1 only, and these refuse
// any other peer as well). Never part of the app's code paths. See README.md for examples. They act on the home
// tenant (Contoso) unless `?tenant=<tid>` names another; reset resets every tenant.

import type { Context, Hono } from "hono";
import { z } from "zod";

import { jsonBody, listOf, refuseUnlessLoopback } from "../control-kit";

import { mountAnswerControlRoutes } from "./answer-control-routes";
import { REQUEST_COLLECTION_CONTROLS, findRequestCollection } from "./collections/registry";
import { claimsDemandSchema } from "./engine/claims-challenge";
import { faultRuleSchema } from "./engine/faults";
import type { EmulatorRuntime } from "./engine/runtime";
import type { EmulatorTenants } from "./engine/tenants";

const configSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000),
    pageSize: z.number().int().min(1).max(999),
    dCancelSuccessStatus: z.union([z.literal(200), z.literal(204)]),
    throttlePer10s: z.number().int().min(0),
    bRetired: z.boolean(),
    eCancelPendingApproval: z.boolean(),
  })
  .partial()
  .strict();

const statusSchema = z.object({ status: z.string().min(1) });

/** A list body may be one object or an array of them (faults, claims challenges). */
export function mountControlRoutes(app: Hono, tenants: EmulatorTenants): void {
  /** The tenant `?tenant=` names (checked by the middleware below), else the home tenant. */
  const runtimeOf = (c: Context): EmulatorRuntime => {
    const tenant = c.req.query("tenant");
    return (tenant === undefined ? undefined : tenants.find(tenant)) ?? tenants.home;
  };
  /** The log is every tenant's unless `?tenant=` narrows it. */
  const logTenant = (c: Context) => (c.req.query("tenant") === undefined ? undefined : runtimeOf(c).tenantId);

  app.use("/_emulator/*", async (c, next) => {
    const refused = refuseUnlessLoopback(c);
    if (refused) return refused;
    const tenant = c.req.query("tenant");
    if (tenant !== undefined && !tenants.find(tenant)) {
      return c.json({ error: `Unknown tenant '${tenant}'; use one of: ${tenants.all.map((t) => t.tenantId).join(", ")}.` }, 404);
    }
    await next();
  });

  app.post("/_emulator/reset", (c) => {
    tenants.reset();
    return c.json({ status: "reset" });
  });

  app.get("/_emulator/requests", (c) => c.json(tenants.log.list(logTenant(c))));
  app.delete("/_emulator/requests", (c) => {
    tenants.log.clear(logTenant(c));
    return c.json({ status: "cleared" });
  });

  app.get("/_emulator/faults", (c) => c.json({ faults: runtimeOf(c).faults.list() }));
  app.post("/_emulator/faults", async (c) => {
    const faults = runtimeOf(c).faults;
    const parsed = z.array(faultRuleSchema).safeParse(listOf(await jsonBody(c.req.raw)));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    try {
      faults.add(parsed.data);
    } catch (error) {
      return c.json({ error: `Bad pathPattern: ${(error as Error).message}` }, 400);
    }
    return c.json({ faults: faults.list() });
  });
  app.delete("/_emulator/faults", (c) => {
    runtimeOf(c).faults.clear();
    return c.json({ faults: [] });
  });

  app.get("/_emulator/claims-challenge", (c) => c.json({ claimsChallenges: runtimeOf(c).claims.list() }));
  app.post("/_emulator/claims-challenge", async (c) => {
    const claims = runtimeOf(c).claims;
    const parsed = z.array(claimsDemandSchema).safeParse(listOf((await jsonBody(c.req.raw)) ?? {}));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    try {
      claims.add(parsed.data);
    } catch (error) {
      return c.json({ error: `Bad pathPattern: ${(error as Error).message}` }, 400);
    }
    return c.json({ claimsChallenges: claims.list() });
  });
  app.delete("/_emulator/claims-challenge", (c) => {
    runtimeOf(c).claims.clear();
    return c.json({ claimsChallenges: [] });
  });

  mountAnswerControlRoutes(app, runtimeOf);

  app.get("/_emulator/config", (c) => c.json(runtimeOf(c).config));
  app.post("/_emulator/config", async (c) => {
    const runtime = runtimeOf(c);
    const parsed = configSchema.safeParse(await jsonBody(c.req.raw));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    runtime.config = { ...runtime.config, ...parsed.data };
    return c.json(runtime.config);
  });

  app.post("/_emulator/entities/:collection/:id", async (c) => {
    const collection = findRequestCollection(c.req.param("collection"));
    if (!collection) return c.json({ error: `Unknown collection; use one of: ${REQUEST_COLLECTION_CONTROLS.map((r) => r.name).join(", ")}.` }, 404);
    const parsed = statusSchema.safeParse(await jsonBody(c.req.raw));
    if (!parsed.success) return c.json({ error: 'Send {"status":"…"}.' }, 400);
    try {
      const record = collection.setStatus(runtimeOf(c).state, c.req.param("id"), parsed.data.status, new Date());
      return record ? c.json(record) : c.json({ error: `No ${collection.name} with id ${c.req.param("id")}.` }, 404);
    } catch (error) {
      return c.json({ error: (error as Error).message }, 400);
    }
  });

  app.get("/_emulator/state/:collection", (c) => {
    const collection = findRequestCollection(c.req.param("collection"));
    return collection ? c.json(collection.all(runtimeOf(c).state)) : c.json({ error: "Unknown collection." }, 404);
  });
  app.get("/_emulator/state/:collection/:id", (c) => {
    const record = findRequestCollection(c.req.param("collection"))?.find(runtimeOf(c).state, c.req.param("id"));
    return record ? c.json(record) : c.json({ error: "Unknown collection or id." }, 404);
  });

  app.all("/_emulator/*", (c) => c.json({ error: "Unknown control endpoint; see stand-ins/graph-emulator/README.md." }, 404));
}
