/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The stand-ins and benchmarks live beside the app but are never part of its bundle.
  outputFileTracingExcludes: { "*": ["stand-ins/**", "bench/**", "e2e/**"] },
  // Security headers: proxy.ts for pages (a nonce-based CSP), server/main.ts for /api and everything else.
};

export default nextConfig;
