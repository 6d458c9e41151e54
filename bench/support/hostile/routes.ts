// The app's API routes as the hostile run addresses them, and the methods it tries on each.

import type { Rng } from "./types";

export interface ApiRoute {
  name: string;
  /** A request target for this route, with a fresh id where the route takes one. */
  target: (rng: Rng) => string;
  methods: readonly string[];
  /** A body the route would accept, for methods that carry one. */
  body?: (rng: Rng) => string;
}

export const API_ROUTES: readonly ApiRoute[] = [
  { name: "list", target: (rng) => `/api/requests?category=${rng.pick(["access-package", "group-assignment", "privileged-role"])}&view=${rng.pick(["all", "mine"])}`, methods: ["GET"] },
  {
    name: "bulk cancel",
    target: () => "/api/requests/cancel",
    methods: ["POST"],
    body: (rng) => JSON.stringify({ items: [{ category: "access-package", id: rng.guid() }], view: "all" }),
  },
  {
    name: "single cancel",
    target: (rng) => `/api/requests/${rng.pick(["access-package", "group-eligibility", "directory-role-assignment"])}/${rng.guid()}/cancel`,
    methods: ["POST"],
    body: () => JSON.stringify({ view: "all" }),
  },
  { name: "access", target: () => "/api/access", methods: ["GET"] },
  { name: "health", target: () => "/api/health", methods: ["GET"] },
  { name: "ready", target: () => "/api/ready", methods: ["GET"] },
];

/** Every method a client may send: the standard ones, WebDAV's (Node parses them), and a few Node does not know. */
export const EVERY_METHOD = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "LOCK", "PURGE", "SEARCH", "REPORT", "FOO", "get", "BREW"] as const;
