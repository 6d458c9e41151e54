// Defence in depth for the logs: the request log only ever receives fields chosen for it, but an error message
// from a library or an upstream may quote what it was given. Anything shaped like a bearer token or a JWT is
// replaced before a line is written, so a token can never be read back from a log store (issue 12).
const JWT_SHAPE = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const BEARER_VALUE = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const SECRET_KEYS = /^(authorization|token|access_?token|id_?token|refresh_?token|cursor|body|cookie|set-cookie|claims|password|secret)$/i;

export const REDACTED = "[redacted]";

export function scrubText(text: string): string {
  return text.replace(JWT_SHAPE, REDACTED).replace(BEARER_VALUE, `$1 ${REDACTED}`);
}

/** A copy of a log record with secret-named keys dropped to a marker and token-shaped text scrubbed, at any depth. */
export function scrubRecord(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object" || depth > 6) return value;
  if (Array.isArray(value)) return value.map((item) => scrubRecord(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEYS.test(key) ? REDACTED : scrubRecord(item, depth + 1);
  }
  return copy;
}
