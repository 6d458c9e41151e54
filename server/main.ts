// The production server: Next's request handler behind node:http, so that what Next would answer with plain text,
// HTML or an empty body (a malformed request line, oversized headers, TRACE, bad escapes, dot segments) gets the
// API's JSON error instead, and every answer carries the security headers. `npm run build` bundles this file to
// .next/standalone/request-desk-server.mjs; `npm start` runs it.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Socket } from "node:net";
import { readEdgeConfig } from "@/lib/security/edge-config";
import { rawRefusal, writeRefusal } from "@/lib/security/edge-answers";
import { expectationRefusal, methodRefusal, refusalForParseError, screenRequest } from "@/lib/security/request-screen";
import { securityHeadersFor } from "@/lib/security/security-headers";
import { appLogger } from "@/lib/ops/logger";

// Next reads NODE_ENV as it loads, and `next start` sets it; so this server sets it before importing Next.
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
const { default: next } = await import("next");

// This file sits at the root of Next's standalone output (scripts/build-server.ts), beside the .next it serves, and
// runs from there as Next's own standalone server.js does. Next's configuration comes from the build, not from a
// next.config file: that is what the standalone variable tells it.
const dir = path.dirname(fileURLToPath(import.meta.url));
process.chdir(dir);
const nextConfig = JSON.parse(readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8")).config;
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(nextConfig);

const config = readEdgeConfig();
const app = next({ dev: false, dir, conf: nextConfig, hostname: config.HOST, port: config.PORT });
const handle = app.getRequestHandler();

function serve(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? "";
  const refusal = screenRequest(req.method ?? "", url);
  if (refusal) return writeRefusal(res, refusal);
  // Set before Next writes anything: headers set after `handle` starts are silently dropped.
  const headers = securityHeadersFor(url.split("?", 1)[0] ?? "");
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  handle(req, res).catch((error: unknown) => {
    appLogger().error({ kind: "unexpected_failure", reason: error instanceof Error ? error.message : String(error) }, "Next failed to answer a request");
    if (!res.headersSent) writeRefusal(res, { code: "internal_error", message: "Something went wrong on the Request Desk server." });
    else res.destroy();
  });
}

await app.prepare();
const server = createServer({ maxHeaderSize: config.REQUEST_HEADER_LIMIT_BYTES }, serve);

// Requests Node's parser refuses never become a request: the answer goes to the raw socket (Node would send a
// bodyless 400 or 431 itself).
server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
  if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
  socket.end(rawRefusal(refusalForParseError(error.code, config.REQUEST_HEADER_LIMIT_BYTES)));
});
// An Expect other than 100-continue (Node's own answer is an empty 417).
server.on("checkExpectation", (_req: IncomingMessage, res: ServerResponse) => writeRefusal(res, expectationRefusal()));
// CONNECT is an event of its own in node:http; without a listener the connection is just dropped.
server.on("connect", (req: IncomingMessage, socket: Socket) => {
  socket.end(rawRefusal(methodRefusal(req.method ?? "CONNECT")));
});

server.listen(config.PORT, config.HOST, () => {
  appLogger().info({ kind: "listening", host: config.HOST, port: config.PORT }, `Request Desk listening on http://${config.HOST}:${config.PORT}`);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Open keep-alive connections would hold close() open; the process is going away either way.
    server.closeAllConnections();
  });
}
