// Methods class: every route with every method (the ones it takes, the ones it does not, TRACE, WebDAV's, and
// methods Node does not know), with a real token.

import { API_ROUTES, EVERY_METHOD } from "./routes";
import { bearer, type CaseMaker, type HostileContext, JSON_TYPE } from "./types";

const CARRIES_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function methodCases(ctx: HostileContext): CaseMaker[] {
  return API_ROUTES.flatMap((route) =>
    EVERY_METHOD.map(
      (method): CaseMaker =>
        (rng) => ({
          class: "methods",
          label: `${method} ${route.name}`,
          request: {
            method,
            target: route.target(rng),
            headers: CARRIES_BODY.has(method) ? [bearer(ctx.adminToken), JSON_TYPE] : [bearer(ctx.adminToken)],
            body: CARRIES_BODY.has(method) ? (route.body?.(rng) ?? "{}") : undefined,
          },
          secrets: [ctx.adminToken],
        }),
    ),
  );
}
