import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "./client-address";
import { installPeerAddressHeader } from "./peer-address-header";

describe("the peer address header", () => {
  it("carries the socket's address to the handler, whatever the client wrote under that name", async () => {
    installPeerAddressHeader();
    const server = createServer((req, res) => res.end(String(req.headers[PEER_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const seen = await new Promise<string>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, headers: { [PEER_ADDRESS_HEADER]: "198.51.100.66" } }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve(text));
        });
        req.on("error", reject);
        req.end();
      });
      expect(seen).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});
