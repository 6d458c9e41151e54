// The pages' Content-Security-Policy (proxy.ts sets it with a fresh nonce per page). The API's is fixed, in
// security-headers.ts.

export interface PagePolicyInput {
  /** Base64, fresh for each page; Next puts it on its own scripts (README of next: "Content Security Policy"). */
  nonce: string;
  /** Where MSAL talks to the identity provider: the authority, the login host, the metadata document. */
  identityProviderUrls: readonly (string | undefined)[];
  /** The redirect bridge is framed by the app's own pages during silent renewal; nothing else may be framed. */
  frameableBySelf: boolean;
  /** `next dev` evaluates code for its error overlay; production never does (no 'unsafe-eval' there). */
  development: boolean;
}

export function pageContentSecurityPolicy(input: PagePolicyInput): string {
  const identityProvider = originsOf(input.identityProviderUrls);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic': scripts Next's nonced scripts load are trusted, nothing else; 'self' only for
    // browsers too old for CSP level 3, which ignore the nonce rules.
    "script-src": ["'self'", `'nonce-${input.nonce}'`, "'strict-dynamic'", ...(input.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", `'nonce-${input.nonce}'`],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    // Token requests go from the browser straight to the identity provider; Graph and ARM only through /api.
    "connect-src": ["'self'", ...identityProvider],
    // MSAL's silent renewal: a hidden iframe at the authorization endpoint, which redirects to /redirect.
    "frame-src": ["'self'", ...identityProvider],
    "frame-ancestors": [input.frameableBySelf ? "'self'" : "'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    // Sign-in and sign-out are redirects, not form posts; the app posts no forms anywhere else.
    "form-action": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(" ")}`)
    .join("; ");
}

function originsOf(urls: readonly (string | undefined)[]): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    try {
      origins.add(new URL(url).origin);
    } catch {
      // Configuration is validated at start-up (lib/config/server-env); a value that is no URL adds nothing.
    }
  }
  return [...origins];
}

/** The request header proxy.ts passes the nonce on in (never sent to the browser as a header). */
export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64: the nonce of one page. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
