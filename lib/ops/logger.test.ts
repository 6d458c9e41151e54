import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

// A token shaped like Entra's (header.payload.signature, base64url) and an opaque one after "Bearer".
const JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJvaWQiOiJhZGVsZSIsInNjcCI6IlJvbGVNYW5hZ2VtZW50In0.c2lnbmF0dXJlLWJ5dGVz";
const OPAQUE = "EwBwA8l6BAAURSN.opaque~token+value/abc=";

function capture(level?: string) {
  const raw: string[] = [];
  const logger = createLogger({ write: (line: string) => void raw.push(line) }, level);
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("the app's logger", () => {
  it("writes one JSON object per line with an ISO time and the level by name", () => {
    const { logger, lines } = capture();
    logger.info({ route: "/api/requests" }, "api request");
    const [line] = lines();
    expect(line).toMatchObject({ level: "info", route: "/api/requests", msg: "api request", service: "request-desk" });
    expect(Date.parse(String(line?.time))).not.toBeNaN();
  });

  it("never writes a token, whether in the message, a field, a nested error or a header", () => {
    const { logger, raw } = capture();
    logger.error(`upstream refused Bearer ${OPAQUE}`);
    logger.error({ detail: `token ${JWT} expired` }, `call with ${JWT} failed`);
    logger.warn({ headers: { authorization: `Bearer ${OPAQUE}` }, cursor: "c2VhbGVk", body: { ids: ["x"] } }, "odd request");
    logger.error({ err: new Error(`invalid_grant for ${JWT}`) }, "renewal failed");
    const all = raw.join("\n");
    expect(raw).toHaveLength(4);
    expect(all).not.toContain(JWT);
    expect(all).not.toContain(OPAQUE);
    expect(all).not.toContain("c2VhbGVk");
    expect(all).toContain("[redacted]");
  });

  it("follows LOG_LEVEL and falls back to info, saying so, when the level is unknown", () => {
    const quiet = capture("warn");
    quiet.logger.info("not shown");
    quiet.logger.warn("shown");
    expect(quiet.lines().map((line) => line.msg)).toEqual(["shown"]);

    const odd = capture("loud");
    odd.logger.info("shown at info");
    expect(odd.lines().map((line) => line.msg)).toEqual(["LOG_LEVEL is not a pino level; logging at info", "shown at info"]);
  });
});
