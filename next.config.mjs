/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // .next/standalone is the artefact that ships (docs/deploy.md): the server files and only the node_modules they
  // use. scripts/build-server.ts adds the browser assets and the app's own server to it.
  output: "standalone",
  // The stand-ins and benchmarks live beside the app but are never part of its bundle.
  outputFileTracingExcludes: { "*": ["stand-ins/**", "bench/**", "e2e/**"] },
  // Security headers: proxy.ts for pages (a nonce-based CSP), server/main.ts for /api and everything else.
};

export default nextConfig;
