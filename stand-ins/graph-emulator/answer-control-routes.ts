// Control endpoints for two failures a cancel pipeline must survive (README "Expired tokens and lost answers"):
// /_emulator/token-expiry (the next N calls answer as for an expired token) and /_emulator/lost-answers (the next N
// cancels are carried out and answer 503/504). Mounted by control-routes.ts, behind its loopback and tenant checks.

import type { Context, Hono } from "hono";
import { z } from "zod";

import { jsonBody, listOf } from "../control-kit";

import { lostAnswerSchema } from "./engine/lost-answers";
import type { EmulatorRuntime } from "./engine/runtime";
import { tokenExpirySchema } from "./engine/token-expiry";

export function mountAnswerControlRoutes(app: Hono, runtimeOf: (c: Context) => EmulatorRuntime): void {
  app.get("/_emulator/token-expiry", (c) => c.json({ tokenExpiry: runtimeOf(c).tokenExpiry.list() }));
  app.post("/_emulator/token-expiry", async (c) => {
    const expiry = runtimeOf(c).tokenExpiry;
    const parsed = z.array(tokenExpirySchema).safeParse(listOf((await jsonBody(c.req.raw)) ?? {}));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    try {
      expiry.add(parsed.data);
    } catch (error) {
      return c.json({ error: `Bad pathPattern: ${(error as Error).message}` }, 400);
    }
    return c.json({ tokenExpiry: expiry.list() });
  });
  app.delete("/_emulator/token-expiry", (c) => {
    runtimeOf(c).tokenExpiry.clear();
    return c.json({ tokenExpiry: [] });
  });

  app.get("/_emulator/lost-answers", (c) => c.json({ lostAnswers: runtimeOf(c).lostAnswers.list() }));
  app.post("/_emulator/lost-answers", async (c) => {
    const lost = runtimeOf(c).lostAnswers;
    const parsed = z.array(lostAnswerSchema).safeParse(listOf((await jsonBody(c.req.raw)) ?? {}));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    try {
      lost.add(parsed.data);
    } catch (error) {
      return c.json({ error: `Bad pathPattern: ${(error as Error).message}` }, 400);
    }
    return c.json({ lostAnswers: lost.list() });
  });
  app.delete("/_emulator/lost-answers", (c) => {
    runtimeOf(c).lostAnswers.clear();
    return c.json({ lostAnswers: [] });
  });
}
