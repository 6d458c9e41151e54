// Headers every answer carries, and those only API answers carry. Pages add their Content-Security-Policy in
// proxy.ts (it needs a fresh nonce per page); the API's is fixed, because an API answer is never a document.

/** Two years, subdomains included: the app is only ever served over TLS in production (browsers ignore it on http). */
const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Powerful features the app never uses, switched off for it and anything it could be made to frame. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "usb=()",
].join(", ");

export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY,
  "X-Content-Type-Options": "nosniff",
  // Request URLs can carry request ids and cursors; no other site needs to learn them.
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy": PERMISSIONS_POLICY,
  // Sign-in and renewal are redirects and a same-origin iframe, never popups, so no other window keeps a handle.
  "Cross-Origin-Opener-Policy": "same-origin",
};

export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_SECURITY_HEADERS,
  // Answers carry names, ids and justifications of real people: no browser or proxy cache may keep them.
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** Whether a request path belongs to the JSON API (`/api` and below), whose answers get API_SECURITY_HEADERS. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

// Next's hashed build files (scripts, styles, fonts): immutable, and none of them is a document, so the document
// policies (HSTS, Permissions-Policy, COOP, Referrer-Policy) do nothing on them while adding half a kilobyte to each
// of the twenty-odd files a first visit loads. nosniff still matters: a script must be served as one.
export const STATIC_ASSET_HEADERS: Readonly<Record<string, string>> = { "X-Content-Type-Options": "nosniff" };

/** The security headers the server adds to an answer for `pathname`. */
export function securityHeadersFor(pathname: string): Readonly<Record<string, string>> {
  if (isApiPath(pathname)) return API_SECURITY_HEADERS;
  if (pathname.startsWith("/_next/static/")) return STATIC_ASSET_HEADERS;
  return COMMON_SECURITY_HEADERS;
}
