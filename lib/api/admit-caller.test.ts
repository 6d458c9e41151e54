import { describe, expect, it } from "vitest";
import { createAbuseLimits } from "./abuse-limits";
import { admitCaller } from "./admit-caller";
import { PEER_ADDRESS_HEADER } from "./client-address";
import { RetryLaterError } from "./retry-later-error";
import { appErrorOf } from "../../test-support/app-error-of";

function limits(overrides: Partial<Parameters<typeof createAbuseLimits>[0]> = {}) {
  return createAbuseLimits({
    API_RATE_LIMIT_USER_BURST: 1_000,
    API_RATE_LIMIT_USER_PER_SECOND: 0.001,
    API_RATE_LIMIT_ADDRESS_BURST: 2_000,
    API_RATE_LIMIT_ADDRESS_PER_SECOND: 0.001,
    API_RATE_LIMIT_MAX_KEYS: 100,
    API_MAX_BODY_BYTES: 1_048_576,
    API_BODY_BUDGET_BYTES: 8_388_608,
    API_BODY_READ_TIMEOUT_MS: 10_000,
    TRUSTED_PROXY_HOPS: 0,
    ...overrides,
  });
}

/** A POST from `peer` whose body is never finished, and a way to tell whether anyone started reading it. */
function post(peer: string, headers: Record<string, string> = {}) {
  let pulled = false;
  const body = new ReadableStream<Uint8Array>({
    pull() {
      pulled = true;
      return new Promise<void>(() => undefined);
    },
  });
  const request = new Request("http://localhost/api/requests/cancel", {
    method: "POST",
    headers: { [PEER_ADDRESS_HEADER]: peer, "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, bodyRead: () => pulled };
}


describe("admitting a caller", () => {
  it("refuses a request without a bearer token with 401, without touching its body", () => {
    const { request, bodyRead } = post("203.0.113.1");
    expect(appErrorOf(() => admitCaller(request, limits()))).toMatchObject({ code: "unauthenticated", status: 401 });
    const malformed = post("203.0.113.1", { authorization: "Bearer two words" });
    expect(appErrorOf(() => admitCaller(malformed.request, limits()))).toMatchObject({ code: "unauthenticated" });
    expect(bodyRead() || malformed.bodyRead()).toBe(false);
  });

  it("keys the caller by a hash of the token, never the token itself, and accepts an ARM-only caller", () => {
    const caller = admitCaller(post("203.0.113.1", { authorization: "Bearer header.payload.sig" }).request, limits());
    expect(caller.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(caller.key).not.toContain("payload");
    const arm = admitCaller(post("203.0.113.1", { "x-arm-authorization": "Bearer arm.token.sig" }).request, limits());
    expect(arm.key).not.toBe(caller.key);
    expect(arm.tokensFor(["arm"])).toEqual({ arm: "arm.token.sig" });
    expect(appErrorOf(() => arm.tokensFor(["graph"]))).toMatchObject({ code: "unauthenticated", upstream: "graph" });
  });

  it("counts requests per address before looking at the token, so a flood without one is limited too", () => {
    const set = limits({ API_RATE_LIMIT_ADDRESS_BURST: 2 });
    expect(appErrorOf(() => admitCaller(post("203.0.113.1").request, set)).code).toBe("unauthenticated");
    expect(appErrorOf(() => admitCaller(post("203.0.113.1").request, set)).code).toBe("unauthenticated");
    const limited = appErrorOf(() => admitCaller(post("203.0.113.1", { authorization: "Bearer good.token" }).request, set));
    expect(limited).toBeInstanceOf(RetryLaterError);
    expect(limited).toMatchObject({ code: "rate_limited", status: 429 });
    expect((limited as RetryLaterError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Another address is not held back by this one.
    expect(admitCaller(post("198.51.100.2", { authorization: "Bearer good.token" }).request, set).key).toBeTruthy();
  });

  it("counts requests per token: a caller over its allowance is refused from any address, another caller is not", () => {
    const set = limits({ API_RATE_LIMIT_USER_BURST: 2 });
    const as = (peer: string, token: string) => post(peer, { authorization: `Bearer ${token}` }).request;
    admitCaller(as("203.0.113.1", "alice.token"), set);
    admitCaller(as("203.0.113.1", "alice.token"), set);
    const limited = appErrorOf(() => admitCaller(as("198.51.100.2", "alice.token"), set));
    expect(limited).toMatchObject({ code: "rate_limited", status: 429 });
    const response = limited.toResponse();
    expect(response.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    expect(admitCaller(as("203.0.113.1", "bob.token"), set).key).toBeTruthy();
  });
});
