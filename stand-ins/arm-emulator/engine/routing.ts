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
  handle(context: RouteContext): ArmResult;
}

export type RouteResolver = (segments: readonly string[]) => ArmRoute | undefined;
