// Builds the GraphCall both the HTTP layer and $batch items use, from a raw path and query string.

import { randomUUID } from "node:crypto";

import type { GraphVersion } from "../model";
import type { GraphCall } from "./types";

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function makeCall(input: {
  method: string;
  version: GraphVersion;
  /** Path after the version, "/groups" or "groups"; trailing slashes are ignored. */
  path: string;
  rawQuery: string;
  headers: Record<string, string>;
  body: unknown;
  origin: string;
  viaBatch: boolean;
}): GraphCall {
  const trimmed = input.path.replace(/^\/+/, "").replace(/\/+$/, "");
  const headers = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    method: input.method.toUpperCase(),
    version: input.version,
    rawPath: trimmed ? `/${trimmed}` : "",
    segments: trimmed ? trimmed.split("/").map(decodeSegment) : [],
    rawQuery: input.rawQuery.replace(/^\?/, ""),
    query: new URLSearchParams(input.rawQuery),
    headers,
    body: input.body,
    origin: input.origin,
    viaBatch: input.viaBatch,
    requestId: randomUUID(),
    clientRequestId: headers["client-request-id"] ?? randomUUID(),
  };
}
