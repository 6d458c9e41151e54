import { isIPv6 } from "node:net";

/**
 * The TCP peer's address, as `instrumentation.ts` writes it into every request (overwriting whatever the client
 * sent under this name): route handlers see a web `Request`, never the socket.
 */
export const PEER_ADDRESS_HEADER = "x-request-desk-peer";

/**
 * Who is calling, for the per-address rate limit. With no trusted proxy (0 hops) that is the TCP peer: any
 * X-Forwarded-For is the client's own words. Behind N proxies that each append the address they saw, the Nth entry
 * from the right is the first one a trusted proxy wrote; anything left of it is again the client's. A request
 * that carries fewer entries than that did not come through the proxies, so its peer is used.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (trustedProxyHops > 0) {
    const forwarded = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const entry = forwarded[forwarded.length - trustedProxyHops];
    if (entry) return addressKey(entry);
  }
  return peer ? addressKey(peer) : "unknown";
}

/**
 * IPv4-mapped IPv6 is the IPv4 address; any other IPv6 address counts as its /64, the block one subscriber
 * usually holds, so stepping through one's own 2^64 addresses does not buy a fresh allowance each time.
 */
export function addressKey(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(bare)) return bare;
  const [head = "", tail = ""] = bare.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = bare.includes("::") ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
