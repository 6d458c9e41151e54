import { Server } from "node:http";

/**
 * Idle connections stay open for a minute, as Graph's and ARM's front doors keep them far longer than Node's 5 s
 * default. With the default, a client that reuses a connection just as the server closes it (the app's undici pool,
 * a test's request context after a few seconds' pause) gets ECONNRESET: a failure the real services do not cause.
 */
export function keepIdleConnections(server: unknown): void {
  if (!(server instanceof Server)) return;
  server.keepAliveTimeout = 60_000;
  // Must outlast keepAliveTimeout, or Node may cut a connection while its next request's head is arriving.
  server.headersTimeout = 61_000;
}
