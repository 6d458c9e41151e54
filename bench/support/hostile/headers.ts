// Headers class: oversize headers, very many headers, Expect values other than 100-continue, contradictory framing
// (Content-Length with Transfer-Encoding, a negative length), and bytes no header may hold.

import { bearer, type CaseMaker, type HostileContext, JSON_TYPE } from "./types";

type Header = readonly [string, string];

export function headerCases(ctx: HostileContext): CaseMaker[] {
  const auth = bearer(ctx.adminToken);
  const many = (n: number): Header[] => Array.from({ length: n }, (_, i) => [`X-Filler-${i}`, "y"] as const);
  const variants: Array<[string, string, Header[], string?]> = [
    // [label, method, headers, body]
    ["one header of 17 KiB", "GET", [auth, ["X-Big", "b".repeat(17 * 1024)]]],
    ["one header of 40 KiB", "GET", [auth, ["X-Big", "b".repeat(40 * 1024)]]],
    ["cookie of 100 KiB", "GET", [auth, ["Cookie", `a=${"c".repeat(100 * 1024)}`]]],
    ["headers well under 16 KiB", "GET", [auth, ["X-Big", "b".repeat(10 * 1024)]]],
    ["200 headers", "GET", [auth, ...many(200)]],
    ["2,500 headers", "GET", [auth, ...many(2500)]],
    ["Expect: 100-continue", "POST", [auth, JSON_TYPE, ["Expect", "100-continue"]], "{}"],
    ["Expect: something else", "POST", [auth, JSON_TYPE, ["Expect", "202-accepted"]], "{}"],
    ["Expect on GET", "GET", [auth, ["Expect", "x-weird"]]],
    ["Transfer-Encoding and Content-Length", "POST", [auth, JSON_TYPE, ["Transfer-Encoding", "chunked"], ["Content-Length", "2"]], "{}"],
    ["unknown Transfer-Encoding", "POST", [auth, JSON_TYPE, ["Transfer-Encoding", "gzip, chunked"]], "0\r\n\r\n"],
    ["negative Content-Length", "POST", [auth, JSON_TYPE, ["Content-Length", "-1"]]],
    ["two different Content-Lengths", "POST", [auth, JSON_TYPE, ["Content-Length", "2"], ["Content-Length", "3"]], "{}"],
    ["header with a NUL byte", "GET", [auth, ["X-Nul", "a\u0000b"]]],
    ["header name with a space", "GET", [auth, ["X Bad", "1"]]],
    ["obsolete line folding", "GET", [auth, ["X-Fold", "a\r\n b"]]],
    ["non-ASCII header value", "GET", [auth, ["X-Name", "caf\u00e9\u00ff"]]],
    ["Accept: text/html", "GET", [auth, ["Accept", "text/html"]]],
    ["Accept-Encoding bomb", "GET", [auth, ["Accept-Encoding", Array.from({ length: 500 }, (_, i) => `x${i};q=0.${i % 10}`).join(", ")]]],
    ["X-Forwarded-For spoof", "GET", [auth, ["X-Forwarded-For", "1.2.3.4, 5.6.7.8"], ["X-Real-IP", "9.9.9.9"]]],
    ["Host header injection", "GET", [auth, ["X-Forwarded-Host", "evil.test"]]],
    ["Range header", "GET", [auth, ["Range", "bytes=0-0,1-1,2-2,3-3,4-4,5-5"]]],
  ];
  const targets = ["/api/requests?category=access-package&view=all", "/api/access", "/api/health"];
  return variants.map(
    ([label, method, headers, body]): CaseMaker =>
      (rng) => {
        const target = method === "POST" ? `/api/requests/access-package/${rng.guid()}/cancel` : rng.pick(targets);
        return { class: "headers", label, request: { method, target, headers, body }, secrets: [ctx.adminToken] };
      },
  );
}
