import { STATUS_CODES, type ServerResponse } from "node:http";
import { AppError } from "@/lib/errors/app-error";
import type { EdgeRefusal } from "./request-screen";
import { API_SECURITY_HEADERS } from "./security-headers";

/** The refusal's JSON body and status, built by the app's one error type so the shape cannot drift. */
function jsonOf(refusal: EdgeRefusal): { status: number; body: string } {
  const error = new AppError(refusal.code, refusal.message);
  return { status: error.status, body: JSON.stringify(error.toBody()) };
}

function headersOf(refusal: EdgeRefusal, body: string): Record<string, string> {
  return {
    ...API_SECURITY_HEADERS,
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(body)),
    ...(refusal.allow ? { Allow: refusal.allow } : {}),
    // The request's body (if any) is never read, so the connection cannot carry another request after it.
    Connection: "close",
  };
}

/** Answers a parsed request that never reaches Next. */
export function writeRefusal(res: ServerResponse, refusal: EdgeRefusal): void {
  const { status, body } = jsonOf(refusal);
  res.writeHead(status, headersOf(refusal, body));
  res.end(body);
}

/**
 * The bytes of a whole HTTP/1.1 answer, for a socket whose request Node could not parse (there is no
 * ServerResponse then, only the raw connection).
 */
export function rawRefusal(refusal: EdgeRefusal): string {
  const { status, body } = jsonOf(refusal);
  const head = Object.entries(headersOf(refusal, body)).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\n${head.join("")}\r\n${body}`;
}
