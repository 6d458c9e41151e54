// Path routing for Graph calls. Routes are declared as paths after the version ("groups/{id}",
// ".../filterByCurrentUser(...)"); segments match case-insensitively (contract §9.9 inference). An unknown segment
// is Graph's 400 "Resource not found for the segment '…'"; a known path with another method is 405.

import type { GraphVersion } from "../model";
import type { EmulatorState } from "./state";
import { badRequest, forbidden, GraphError, segmentNotFound } from "./graph-error";
import { splitTopLevel } from "./odata-options";
import type { Caller, EmulatorConfig, GraphCall, GraphResult } from "./types";

export interface RouteContext {
  call: GraphCall;
  caller: Caller;
  params: Readonly<Record<string, string>>;
  state: EmulatorState;
  config: EmulatorConfig;
}

export interface Route {
  method: "GET" | "POST";
  versions: readonly GraphVersion[];
  /** e.g. "identityGovernance/privilegedAccess/group/assignmentScheduleRequests/{id}/cancel". */
  path: string;
  /** Delegated permissions, any one of which allows the call (least privileged first). */
  scopes: readonly string[];
  handle(ctx: RouteContext): GraphResult | Promise<GraphResult>;
}

type SegmentMatcher = (segment: string, params: Record<string, string>) => boolean;

function compileSegment(pattern: string): SegmentMatcher {
  const param = /^\{(\w+)\}$/.exec(pattern);
  if (param) return (segment, params) => (segment.includes("(") ? false : ((params[param[1]!] = segment), true));
  const fn = /^(\w+)\(\.\.\.\)$/.exec(pattern);
  if (fn) {
    const name = fn[1]!.toLowerCase();
    return (segment, params) => {
      const m = /^(\w+)(?:\((.*)\))?$/s.exec(segment);
      if (!m || m[1]!.toLowerCase() !== name) return false;
      for (const arg of splitTopLevel(m[2] ?? "", ",")) {
        const eq = arg.indexOf("=");
        if (eq < 0) throw badRequest(`The function argument '${arg}' must be written name=value.`);
        params[arg.slice(0, eq).trim()] = arg.slice(eq + 1).trim().replace(/^'(.*)'$/s, "$1").replace(/''/g, "'");
      }
      return true;
    };
  }
  const literal = pattern.toLowerCase();
  return (segment) => segment.toLowerCase() === literal;
}

interface CompiledRoute {
  route: Route;
  matchers: SegmentMatcher[];
}

export interface Router {
  /** The route for a call and its path parameters, or a GraphError (400 unknown segment, 405 wrong method). */
  resolve(call: GraphCall): { route: Route; params: Record<string, string> };
}

export function createRouter(routes: readonly Route[]): Router {
  const compiled: CompiledRoute[] = routes.map((route) => ({ route, matchers: route.path.split("/").map(compileSegment) }));
  return {
    resolve(call) {
      let longest = 0;
      const methods = new Set<string>();
      for (const { route, matchers } of compiled) {
        if (!route.versions.includes(call.version)) continue;
        const params: Record<string, string> = {};
        let matched = 0;
        while (matched < matchers.length && matched < call.segments.length && matchers[matched]!(call.segments[matched]!, params)) matched++;
        longest = Math.max(longest, matched);
        if (matched !== matchers.length || matched !== call.segments.length) continue;
        if (route.method === call.method) return { route, params };
        methods.add(route.method);
      }
      if (methods.size > 0) {
        throw new GraphError(405, "BadRequest", `The HTTP method '${call.method}' is not allowed for this resource.`, {
          Allow: [...methods].join(", "),
        });
      }
      throw segmentNotFound(call.segments[longest] ?? call.segments[call.segments.length - 1] ?? "");
    },
  };
}

/** The token must carry one of the operation's delegated permissions (contract: least privileged and higher). */
export function requireScope(caller: Caller, scopes: readonly string[]): void {
  if (scopes.some((scope) => caller.scopes.has(scope))) return;
  throw forbidden();
}
