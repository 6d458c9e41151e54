import { connect } from "node:net";
import { APP_LISTEN_PORT } from "../../scripts/demo-env";

export interface RawAnswer {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes Playwright's request client would never send (a raw non-ASCII path, an unknown method, a dot
 * segment it would resolve, 40 KiB of headers) and reads the whole answer. `head` is the request line and
 * headers without the blank line; Connection: close is added so the answer ends with the connection.
 */
export function rawRequest(head: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(APP_LISTEN_PORT, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks).toString("utf8")));
      } catch (error) {
        reject(error);
      }
    });
    const bytes = Buffer.isBuffer(head) ? head : Buffer.from(head, "latin1");
    socket.end(Buffer.concat([bytes, Buffer.from(`\r\nHost: 127.0.0.1:${APP_LISTEN_PORT}\r\nConnection: close\r\n\r\n`, "latin1")]));
  });
}

function parseAnswer(text: string): RawAnswer {
  const split = text.indexOf("\r\n\r\n");
  if (split < 0) throw new Error(`No complete HTTP answer: ${JSON.stringify(text.slice(0, 200))}`);
  const [statusLine = "", ...lines] = text.slice(0, split).split("\r\n");
  const status = Number(statusLine.split(" ")[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = text.slice(split + 4);
  // Next answers with chunked encoding; the edge's own refusals carry Content-Length.
  if (headers["transfer-encoding"] === "chunked") body = unchunk(body);
  return { status, headers, body };
}

function unchunk(text: string): string {
  let out = "";
  let rest = text;
  for (;;) {
    const end = rest.indexOf("\r\n");
    const size = parseInt(rest.slice(0, end), 16);
    if (!size) return out;
    out += rest.slice(end + 2, end + 2 + size);
    rest = rest.slice(end + 2 + size + 2);
  }
}
