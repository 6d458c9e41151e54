import { NextResponse, type NextRequest } from "next/server";
import { serverEnv } from "@/lib/config/server-env";
import { REDIRECT_BRIDGE_PATH } from "@/lib/auth/redirect-bridge-path";
import { NONCE_HEADER, newNonce, pageContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { COMMON_SECURITY_HEADERS } from "@/lib/security/security-headers";

/**
 * Pages get a Content-Security-Policy with a fresh nonce, which Next reads from the request's copy of the header
 * and puts on its own scripts. /api is left out of the matcher on purpose: a proxy in front of a route handler
 * makes Next read the whole request body first, before the handler could refuse the caller; the API's headers
 * come from the server (server/main.ts) instead.
 */
export function proxy(request: NextRequest) {
  const { endpoints, AUTH_METADATA_URL } = serverEnv();
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    identityProviderUrls: [endpoints.authority, endpoints.loginUrl, AUTH_METADATA_URL],
    frameableBySelf: request.nextUrl.pathname === REDIRECT_BRIDGE_PATH,
    development: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  // For the root layout, which hands it to the code that injects <style> elements (components/style-nonce.tsx).
  requestHeaders.set(NONCE_HEADER, nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // Also set by server/main.ts; repeated here so `npm run dev` (no custom server) shows the same headers.
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but the API and Next's hashed static files (which are not documents and carry no nonce).
      source: "/((?!api/|api$|_next/static/|_next/image|favicon\\.ico$).*)",
      // Prefetches fetch data, not documents: a policy on them would be ignored anyway.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
