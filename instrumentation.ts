// Next calls register() once per server process, before the first request. The Node runtime only: the per-address
// rate limit needs each request's TCP peer, which route handlers cannot see (lib/api/peer-address-header.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddressHeader } = await import("./lib/api/peer-address-header");
    installPeerAddressHeader();
  }
}
