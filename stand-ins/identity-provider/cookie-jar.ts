// A cookie-keeping HTTP client that never follows redirects on its own: how the identity provider's tests and the
// benchmarks walk its sign-in pages without a browser, reading every redirect themselves.

export class CookieJar {
  readonly #cookies = new Map<string, string>();

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size) headers.set("cookie", [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || isExpired(attributes)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }
}

/** A Set-Cookie that deletes its cookie: an Expires in the past or a Max-Age of zero or less. */
function isExpired(attributes: readonly string[]): boolean {
  return attributes.some((attribute) => {
    const [key = "", value = ""] = attribute.trim().split("=");
    if (key.toLowerCase() === "expires") return Date.parse(value) <= Date.now();
    if (key.toLowerCase() === "max-age") return Number(value) <= 0;
    return false;
  });
}
