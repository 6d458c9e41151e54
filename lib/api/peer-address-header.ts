import { Server, type IncomingMessage } from "node:http";
import { PEER_ADDRESS_HEADER } from "./client-address";

const INSTALLED = Symbol.for("request-desk.peer-address-header");

/**
 * Next's route handlers get a web `Request` without the socket, so the per-address rate limit could otherwise only
 * read headers the client writes itself. Every Node HTTP server of this process (`next start`'s, or a custom one)
 * emits 'request' through `Server.prototype.emit`: stamping the socket's address there, overwriting any value the
 * client sent under the same name, hands the real peer to the route handlers whoever created the server.
 */
export function installPeerAddressHeader(): void {
  const proto = Server.prototype as Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      const peer = request.socket?.remoteAddress;
      if (peer) request.headers[PEER_ADDRESS_HEADER] = peer;
      else delete request.headers[PEER_ADDRESS_HEADER];
    }
    return (emit as (this: Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as Server["emit"];
}
