import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Issue 9: access tokens are opaque to clients (only the API a token is for may read it, and its format may change),
// so no code under lib/, app/ or components/ decodes one. This scans the source for the ways a token gets
// decoded; the few places that decode something else are allowed by file, rule and line, each with its reason, and an
// allowance that no longer matches anything fails too, so the list cannot go stale.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCANNED = ["lib", "app", "components"];
const TOKEN_LIBRARIES = ["jose", "jwt-decode", "jsonwebtoken", "jws", "jwa", "jwks-rsa", "@azure/msal-common"];

interface Rule {
  name: string;
  pattern: RegExp;
}

const libraries = TOKEN_LIBRARIES.map((l) => l.replace(/[/.-]/g, "\\$&")).join("|");

const RULES: readonly Rule[] = [
  { name: "imports a JWT library", pattern: new RegExp(`(from\\s+|import\\s*\\(\\s*|require\\s*\\(\\s*|import\\s+)["'](${libraries})(/[^"']*)?["']`) },
  { name: "calls a JWT decoder", pattern: /\b(decodeJwt|jwtDecode|jwt_decode|decodeProtectedHeader|extractTokenClaims|decodeAuthToken)\b/ },
  // `token.split(".")`, `result.accessToken.split('.')`: the first step of reading a JWT's payload by hand.
  { name: "splits a token on '.'", pattern: /token\w*[\w.?!\])]*\.split\(\s*(["'`])\\?\.\1/i },
  { name: "decodes base64 (atob)", pattern: /\batob\s*\(/ },
  { name: "decodes base64 (Buffer)", pattern: /Buffer\.from\([^)]*["'`]base64(url)?["'`]/ },
];

interface Allowance {
  file: string;
  rule: string;
  /** Text the allowed line contains: another line of the same kind in the same file is not allowed by this. */
  line: string;
  why: string;
}

const ALLOWED: readonly Allowance[] = [
  {
    file: "lib/auth/graph-tokens.ts",
    rule: "decodes base64 (atob)",
    line: "const json = atob(base64",
    why: "decodeClaims decodes the claims challenge Graph sends in WWW-Authenticate (base64 JSON) for MSAL's `claims`; not a token",
  },
  {
    file: "lib/upstreams/cursor.ts",
    rule: "decodes base64 (Buffer)",
    line: 'JSON.parse(Buffer.from(payload, "base64url")',
    why: "openCursor reads back the app's own HMAC-sealed list cursor, after checking its seal; not a token",
  },
  {
    file: "lib/categories/azure-role-id.ts",
    rule: "decodes base64 (atob)",
    line: "const text = atob(token.replace",
    why: "fromBase64Url decodes the ARM scope inside the app's own request id (`<scope, base64url>.<name>`); `token` there is that id part, not an access token",
  },
];

interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every line of `text` that matches a rule, for a file named `file` (relative to the repository). */
function findDecoding(file: string, text: string): Finding[] {
  return text.split("\n").flatMap((content, index) =>
    RULES.filter((rule) => rule.pattern.test(content)).map((rule) => ({ file, line: index + 1, rule: rule.name, text: content.trim() })),
  );
}

const allowanceFor = (finding: Finding) => ALLOWED.find((a) => a.file === finding.file && a.rule === finding.rule && finding.text.includes(a.line));

function scan(): Finding[] {
  return SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir))).flatMap((path) =>
    findDecoding(relative(ROOT, path).split("\\").join("/"), readFileSync(path, "utf8")),
  );
}

describe("no code decodes an access token", () => {
  const findings = scan();

  it("nothing under lib/, app/ or components/ reads a token's contents", () => {
    const offending = findings.filter((f) => !allowanceFor(f)).map((f) => `${f.file}:${f.line} ${f.rule}: ${f.text}`);
    expect(
      offending,
      "Access tokens are opaque to the app (issue 9). Ask Graph or ARM instead; if this line decodes something that is not a token, add it to ALLOWED with the reason.",
    ).toEqual([]);
  });

  it("every allowance still names a line that is there (no stale exceptions)", () => {
    const unused = ALLOWED.filter((a) => !findings.some((f) => allowanceFor(f) === a)).map((a) => `${a.file} (${a.rule}): ${a.line}`);
    expect(unused).toEqual([]);
  });

  it.each([
    ['import { decodeJwt } from "jose";', "imports a JWT library"],
    ['const { jwtDecode } = await import("jwt-decode");', "imports a JWT library"],
    ["const claims = jwtDecode(result.accessToken);", "calls a JWT decoder"],
    ['const [, payload] = result.accessToken.split(".");', "splits a token on '.'"],
    ["const body = token.split('.')[1];", "splits a token on '.'"],
    ["const claims = JSON.parse(atob(payload));", "decodes base64 (atob)"],
    ['const claims = JSON.parse(Buffer.from(part, "base64url").toString());', "decodes base64 (Buffer)"],
  ])("catches %s", (line, rule) => {
    expect(findDecoding("lib/example.ts", line).map((f) => f.rule)).toContain(rule);
  });

  it("leaves alone what merely mentions tokens", () => {
    expect(findDecoding("lib/example.ts", 'const key = createHash("sha256").update(`token:${token}`).digest("base64url");')).toEqual([]);
    expect(findDecoding("lib/example.ts", 'const [payload, seal] = cursor.split(".");')).toEqual([]);
  });
});
