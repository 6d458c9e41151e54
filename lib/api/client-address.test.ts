import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, PEER_ADDRESS_HEADER } from "./client-address";

const headers = (peer: string | null, forwarded?: string) =>
  new Headers({ ...(peer ? { [PEER_ADDRESS_HEADER]: peer } : {}), ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

describe("client address", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(headers("203.0.113.9", "198.51.100.1"), 0)).toBe("203.0.113.9");
  });

  it("is the Nth X-Forwarded-For entry from the right behind N trusted proxies", () => {
    // The client wrote "6.6.6.6" itself; the two proxies appended what they saw.
    const forwarded = "6.6.6.6, 198.51.100.7, 10.0.0.2";
    expect(clientAddress(headers("10.0.0.3", forwarded), 1)).toBe("10.0.0.2");
    expect(clientAddress(headers("10.0.0.3", forwarded), 2)).toBe("198.51.100.7");
  });

  it("falls back to the peer when the request did not pass the trusted proxies", () => {
    expect(clientAddress(headers("203.0.113.9", "198.51.100.7"), 2)).toBe("203.0.113.9");
    expect(clientAddress(headers("203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(headers(null), 0)).toBe("unknown");
  });

  it("counts an IPv4-mapped address as IPv4 and an IPv6 address as its /64", () => {
    expect(addressKey("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(addressKey("2001:db8:aa:bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(addressKey("2001:db8:aa:bb::9")).toBe(addressKey("[2001:db8:aa:bb:ffff::1]"));
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });
});
