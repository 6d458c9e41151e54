// What the stand-ins' test-only control endpoints share: they answer on loopback only, and read lenient JSON bodies.

import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export const isLoopback = (address: string | undefined) => !!address && LOOPBACK.has(address);

/** The 403 for a control call from anywhere but this machine, or null when it may go on. */
export function refuseUnlessLoopback(c: Context): Response | null {
  const address = getConnInfo(c).remote.address;
  return address && !isLoopback(address) ? c.json({ error: "The control endpoints answer on loopback only." }, 403) : null;
}

/** The request's JSON body, or undefined when there is none or it is not JSON (the schema then says what is wrong). */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/** Faults and claims challenges take one object or an array of them. */
export const listOf = (body: unknown) => (Array.isArray(body) ? body : [body]);
