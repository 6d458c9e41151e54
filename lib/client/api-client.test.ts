import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GetToken, ResumeAction } from "@/lib/auth/token-request";
import { sampleRequest } from "@/lib/requests/sample-request";
import { AppError } from "@/lib/errors/app-error";
import { apiFetch } from "./api-client";

// The browser's fetcher: a claims challenge is answered with one token that satisfies it and one more try, never a
// loop of tries the user would see as a page that keeps reloading or spinning.

const CLAIMS = "eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiYzEifX19";

const challenge = (upstream: "graph" | "arm" = "graph") =>
  Response.json(
    { error: { code: "claims_challenge", message: "Verify your identity again.", claims: CLAIMS, upstream } },
    { status: 401 },
  );

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

/** A token per call, numbered, so each try shows which token it carried. */
function tokens(): ReturnType<typeof vi.fn<GetToken>> {
  let issued = 0;
  return vi.fn<GetToken>(async (request) => `${request?.audience ?? "graph"}-token-${++issued}`);
}

const headersOf = (call: number) => (fetchMock.mock.calls[call]?.[1]?.headers ?? {}) as Record<string, string>;

describe("apiFetch after a claims challenge", () => {
  it("asks for a token that satisfies the claims and sends the call once more with it", async () => {
    fetchMock.mockResolvedValueOnce(challenge()).mockResolvedValueOnce(Response.json({ items: [] }));
    const getToken = tokens();
    const resume: ResumeAction = { kind: "cancel", request: sampleRequest({ id: "r1" }), view: "all" };

    await expect(apiFetch("/api/requests", getToken, {}, resume)).resolves.toEqual({ items: [] });

    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(getToken).toHaveBeenLastCalledWith({ claims: CLAIMS, resume, audience: "graph" });
    expect(headersOf(0).Authorization).toBe("Bearer graph-token-1");
    expect(headersOf(1).Authorization).toBe("Bearer graph-token-2");
  });

  it("tries exactly once more: a second challenge is the user's error, not a third call", async () => {
    fetchMock.mockImplementation(async () => challenge());
    const getToken = tokens();

    const error = await apiFetch("/api/requests", getToken).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "claims_challenge" });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it("renews only the challenging API's token (ARM's), keeping Graph's", async () => {
    fetchMock.mockResolvedValueOnce(challenge("arm")).mockResolvedValueOnce(Response.json({ ok: true }));
    const getToken = tokens();

    await apiFetch("/api/requests", getToken, {}, undefined, ["graph", "arm"]);

    expect(getToken).toHaveBeenLastCalledWith({ claims: CLAIMS, resume: undefined, audience: "arm" });
    expect(headersOf(1).Authorization).toBe(headersOf(0).Authorization);
    expect(headersOf(1)["X-ARM-Authorization"]).not.toBe(headersOf(0)["X-ARM-Authorization"]);
  });

  it("does not retry a refusal that is not a challenge", async () => {
    fetchMock.mockResolvedValue(Response.json({ error: { code: "forbidden", message: "No." } }, { status: 403 }));
    const getToken = tokens();

    await expect(apiFetch("/api/requests", getToken)).rejects.toMatchObject({ code: "forbidden" });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(getToken).toHaveBeenCalledTimes(1);
  });
});
