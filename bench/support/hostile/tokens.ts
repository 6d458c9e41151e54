// Tokens class: no token, garbage, and real tokens bent (expired, alg none, another audience or issuer, huge),
// against every route that reads one. A forged token keeps the real signature: only the claims change.

import { API_ROUTES } from "./routes";
import { bearer, type CaseMaker, type HostileContext } from "./types";

function decodePart(part: string | undefined): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const encodePart = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The real token with its header or payload changed; the signature is the original one unless given. */
function bend(token: string, change: { header?: Record<string, unknown>; payload?: Record<string, unknown>; signature?: string }): string {
  const [header, payload, signature = ""] = token.split(".");
  return [
    encodePart({ ...decodePart(header), ...change.header }),
    encodePart({ ...decodePart(payload), ...change.payload }),
    change.signature ?? signature,
  ].join(".");
}

export function tokenCases(ctx: HostileContext): CaseMaker[] {
  const now = Math.floor(Date.now() / 1000);
  const real = ctx.adminToken;
  const forged: Array<[string, string]> = [
    ["garbage three-part token", "abc.def.ghi"],
    ["random base64", Buffer.from("not a token at all, just some bytes").toString("base64")],
    ["expired", bend(real, { payload: { exp: now - 3600, iat: now - 7200, nbf: now - 7200 } })],
    ["not yet valid", bend(real, { payload: { nbf: now + 86_400 } })],
    ["alg none", bend(real, { header: { alg: "none" }, signature: "" })],
    ["alg none with the real signature", bend(real, { header: { alg: "none" } })],
    ["alg HS256 (key confusion)", bend(real, { header: { alg: "HS256" } })],
    ["another audience", bend(real, { payload: { aud: "https://management.azure.com" } })],
    ["another issuer", bend(real, { payload: { iss: "https://evil.test/" } })],
    ["another user's oid", bend(real, { payload: { oid: "00000000-0000-0000-0000-000000000001" } })],
    ["signature cut off", real.split(".").slice(0, 2).join(".") + "."],
    ["signature flipped", real.slice(0, -4) + (real.endsWith("AAAA") ? "BBBB" : "AAAA")],
    ["huge token (10 KiB)", real + "A".repeat(10 * 1024)],
    ["huge token (64 KiB)", "x".repeat(64 * 1024)],
    ["two tokens", `${real},${real}`],
  ];
  const headerVariants: Array<[string, Array<readonly [string, string]>, string[]]> = [
    ["no Authorization", [], []],
    ["empty Bearer", [["Authorization", "Bearer"]], []],
    ["Bearer and a space", [["Authorization", "Bearer "]], []],
    ["Basic scheme", [["Authorization", "Basic YWRtaW46ZGVtby1wYXNzd29yZA=="]], []],
    ["lower-case scheme, real token", [["Authorization", `bearer ${real}`]], [real]],
    ["token with spaces", [["Authorization", "Bearer a b c"]], []],
    ["two Authorization headers", [bearer(real), ["Authorization", "Bearer second"]], [real]],
    ["ARM token garbage", [bearer(real), ["X-ARM-Authorization", "Bearer abc.def.ghi"]], [real]],
    ...forged.map(([label, token]): [string, Array<readonly [string, string]>, string[]] => [label, [bearer(token)], token.length >= 16 ? [token] : []]),
  ];
  const routes = API_ROUTES.filter((r) => r.name !== "health");
  return headerVariants.flatMap(([label, headers, secrets]) =>
    routes.map(
      (route): CaseMaker =>
        (rng) => ({
          class: "tokens",
          label: `${label} → ${route.name}`,
          request: {
            method: route.methods[0]!,
            target: route.name === "list" && label.startsWith("ARM") ? "/api/requests?category=azure-role-assignment&view=all" : route.target(rng),
            headers: route.body ? [...headers, ["Content-Type", "application/json"]] : headers,
            body: route.body?.(rng),
          },
          secrets,
        }),
    ),
  );
}
