// A minimal HTTP/1.1 client over node:net, so a hostile request reaches the server exactly as written: methods
// fetch refuses (TRACE, made-up ones), paths it would normalise (`..`, bad escapes, raw non-ASCII bytes), headers
// beyond any client's limits. One request per connection (Connection: close), so the answer ends with the socket.

import { connect } from "node:net";

export interface RawRequest {
  method: string;
  /** The request target exactly as sent; a Buffer when it holds raw non-ASCII bytes. */
  target: string | Buffer;
  headers?: ReadonlyArray<readonly [string, string]>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  /** Lower-case names; a repeated header keeps its last value. */
  headers: Record<string, string>;
  /** The whole header block as received, to look for echoed secrets in it too. */
  head: string;
  body: Buffer;
}

const TIMEOUT_MS = 30_000;

export function sendRaw(host: string, port: number, request: RawRequest): Promise<RawResponse> {
  // The true length, unless the case sets its own framing (a contradictory one, on purpose).
  const framed = (request.headers ?? []).some(([name]) => /^(content-length|transfer-encoding)$/i.test(name));
  const headerLines = [
    ...(request.headers ?? []).map(([name, value]) => `${name}: ${value}`),
    `Host: ${host}:${port}`,
    "Connection: close",
    ...(request.body !== undefined && !framed ? [`Content-Length: ${Buffer.byteLength(request.body)}`] : []),
  ];
  const head = Buffer.concat([
    Buffer.from(`${request.method} `, "latin1"),
    typeof request.target === "string" ? Buffer.from(request.target, "latin1") : request.target,
    Buffer.from(` HTTP/1.1\r\n${headerLines.join("\r\n")}\r\n\r\n`, "latin1"),
  ]);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    socket.on("connect", () => {
      socket.write(head);
      if (request.body !== undefined) socket.write(request.body);
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    // A server that answers before reading the whole body (a 413, a 431) may reset the connection while we write.
    socket.on("error", (error) => (chunks.length > 0 ? finish() : reject(error)));
    socket.on("end", () => finish());
    let done = false;
    function finish() {
      if (done) return;
      done = true;
      socket.destroy();
      try {
        resolve(parseResponse(Buffer.concat(chunks)));
      } catch (error) {
        reject(error as Error);
      }
    }
  });
}

function parseResponse(raw: Buffer): RawResponse {
  // An interim answer (100 Continue to an Expect) comes first; the final one follows it.
  while (/^HTTP\/1\.[01] 1\d\d /.test(raw.subarray(0, 16).toString("latin1"))) {
    const end = raw.indexOf("\r\n\r\n");
    if (end < 0) break;
    raw = raw.subarray(end + 4);
  }
  const split = raw.indexOf("\r\n\r\n");
  if (split < 0) throw new Error(`incomplete answer (${raw.length} bytes)`);
  const head = raw.subarray(0, split).toString("latin1");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const status = Number(statusLine.split(" ")[1]);
  if (!Number.isInteger(status)) throw new Error(`not an HTTP answer: ${statusLine.slice(0, 80)}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = raw.subarray(split + 4);
  const body = headers["transfer-encoding"]?.toLowerCase().includes("chunked") ? dechunk(rest) : rest;
  return { status, headers, head, body };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const lineEnd = data.indexOf("\r\n", at);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(at, lineEnd).toString("latin1"), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
