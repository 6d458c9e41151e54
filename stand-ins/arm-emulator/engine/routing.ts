// What a route is: the methods and api-versions it takes and a handler. The route table is routes/index.ts.

import type { ArmDirectory } from "../model/directory";
import type { ArmState } from "./state";
import type { ArmCall, ArmCaller, ArmConfig, ArmResult } from "./types";

export interface RouteContext {
  call: ArmCall;
  caller: ArmCaller;
  state: ArmState;
  directory: ArmDirectory;
  config: ArmConfig;
  tenantId: string;
}

export interface ArmRoute {
  methods: readonly string[];
  apiVersions: readonly string[];
  /**
   * A tenant-wide list (subscriptions, management groups, requests at the tenant root): ARM answers it for any
   * tenant's token from that tenant's own estate. Every other route names a scope, and a scope belongs to one tenant.
   */
  tenantWide?: boolean;
  handle(context: RouteContext): ArmResult;
}

export type RouteResolver = (segments: readonly string[]) => ArmRoute | undefined;
