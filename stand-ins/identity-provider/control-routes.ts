// Test-only control endpoints under /_idp (JSON, no token; the server listens on 127.0.0.1 only, and these refuse
// any other peer as well), like the Graph emulator's /_emulator/*. Never part of the app's code paths. See README.md.

import type http from "node:http";

import { z } from "zod";

import { ALL_DEMO_PEOPLE, DEMO_TENANTS } from "../demo-tenant";
import type { ConsentRecords, ConsentSnapshot } from "./consent-records";
import { readBody, sendJson } from "./http-io";
import { consentEntryOf, type ResourceApis } from "./resource-apis";
import type { StepUpRecords } from "./step-up-records";
import { isLoopback } from "../control-kit";

export const CONTROL_PREFIX = "/_idp/";

export type { ConsentSnapshot } from "./consent-records";


/**
 * Permissions as consent entries: Graph's in either form (`User.Read`, `https://graph.microsoft.com/User.Read`),
 * ARM's fully qualified (`https://management.azure.com/user_impersonation`) at the provider's ARM address.
 */
const scopesSchema = (apis: ResourceApis) =>
  z
    .array(z.string())
    .min(1)
    .transform((scopes, ctx) => {
      const out: string[] = [];
      for (const scope of scopes) {
        const entry = consentEntryOf(apis.all, scope);
        if (entry) out.push(entry);
        else ctx.addIssue({ code: "custom", message: `Not a Graph or ARM permission of the app registration: ${scope}` });
      }
      return out;
    });

const consentChangeSchema = (apis: ResourceApis) =>
  z.union([
    z
      .object({
        tenantId: z.string().refine((id) => DEMO_TENANTS.some((t) => t.id === id), "Unknown tenantId."),
        scopes: scopesSchema(apis),
      })
      .strict(),
    z
      .object({
        userId: z.string().refine((oid) => ALL_DEMO_PEOPLE.some((p) => p.oid === oid), "Unknown userId (a person's oid)."),
        scopes: scopesSchema(apis),
      })
      .strict(),
  ]);

/** A body for POST / DELETE /_idp/consent. */
export type ConsentChange = z.input<ReturnType<typeof consentChangeSchema>>;

export interface ControlSettings {
  consent: ConsentRecords;
  stepUp: StepUpRecords;
  apis: ResourceApis;
}

async function jsonBody(req: http.IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

export async function handleControlRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  { consent, stepUp, apis }: ControlSettings,
): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) {
    sendJson(res, 403, { error: "The control endpoints answer on loopback only." });
    return;
  }
  const route = `${req.method} ${pathname}`;

  if (route === "POST /_idp/reset") {
    consent.reset();
    stepUp.reset();
    sendJson(res, 200, { status: "reset" });
    return;
  }
  if (route === "GET /_idp/consent") {
    sendJson(res, 200, consent.snapshot() satisfies ConsentSnapshot);
    return;
  }
  if (route === "POST /_idp/consent" || route === "DELETE /_idp/consent") {
    const parsed = consentChangeSchema(apis).safeParse(await jsonBody(req));
    if (!parsed.success) {
      sendJson(res, 400, {
        error: `Send {"tenantId":"<tenant id>","scopes":["User.Read",…]} or {"userId":"<oid>","scopes":[…]}. ${z.prettifyError(parsed.error)}`,
      });
      return;
    }
    const change = parsed.data;
    const adding = req.method === "POST";
    if ("tenantId" in change) {
      if (adding) consent.grantTenant(change.tenantId, change.scopes);
      else consent.revokeTenant(change.tenantId, change.scopes);
    } else if (adding) consent.grantUser(change.userId, change.scopes);
    else consent.revokeUser(change.userId, change.scopes);
    sendJson(res, 200, consent.snapshot());
    return;
  }
  sendJson(res, 404, { error: "Unknown control endpoint; see stand-ins/identity-provider/README.md." });
}
