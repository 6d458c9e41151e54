import { expect, type APIRequestContext } from "@playwright/test";
import { ARM_EMULATOR_URL } from "../../scripts/demo-env";
import type { ArmLoggedCall } from "../../stand-ins/arm-emulator/engine/request-log";
import type { ArmConfig, ThrottleSettings } from "../../stand-ins/arm-emulator/engine/types";
import type { FaultRule } from "../../stand-ins/graph-emulator/engine/faults";
import type { ArmRequestRecord } from "../../stand-ins/arm-emulator/model/records";
import type { RequestKind } from "../../stand-ins/arm-emulator/model/request-kinds";

// The ARM stand-in's test-only control endpoints under /_arm (stand-ins/arm-emulator/README.md, "Control
// endpoints"), never part of the app's code paths. The app's id of a seeded request is `armAppId` (./categories,
// which unit tests import too, so it stays free of Playwright).

export type { ArmLoggedCall } from "../../stand-ins/arm-emulator/engine/request-log";
export { armAppId } from "./categories";
export type { ArmRequestRecord } from "../../stand-ins/arm-emulator/model/records";

/** A fault rule as POST /_arm/faults takes it (the Graph emulator's shape; `times` defaults to 1). */
export type ArmFaultRule = Omit<FaultRule, "times"> & { times?: number };

/** What POST /_arm/config takes: `throttle` true/false, or new limits. */
export type ArmConfigPatch = Partial<Omit<ArmConfig, "throttle">> & { throttle?: boolean | Partial<ThrottleSettings> };

/** Seed, config, faults, claims challenges, rate limits and log back to the start. */
export async function resetArm(request: APIRequestContext): Promise<void> {
  expect((await request.post(`${ARM_EMULATOR_URL}/_arm/reset`)).ok()).toBe(true);
}

export async function clearArmLog(request: APIRequestContext): Promise<void> {
  expect((await request.delete(`${ARM_EMULATOR_URL}/_arm/requests`)).ok()).toBe(true);
}

/** Every ARM call the stand-in answered since the last reset or clear: method, path, query, status. */
export async function armLog(request: APIRequestContext): Promise<ArmLoggedCall[]> {
  const response = await request.get(`${ARM_EMULATOR_URL}/_arm/requests`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as ArmLoggedCall[];
}

export async function addArmFaults(request: APIRequestContext, rules: ArmFaultRule | readonly ArmFaultRule[]): Promise<void> {
  const response = await request.post(`${ARM_EMULATOR_URL}/_arm/faults`, { data: rules });
  expect(response.ok(), await response.text()).toBe(true);
}

export async function configureArm(request: APIRequestContext, patch: ArmConfigPatch): Promise<ArmConfig> {
  const response = await request.post(`${ARM_EMULATOR_URL}/_arm/config`, { data: patch });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as ArmConfig;
}

/** The stored request, as the stand-in holds it now (its `status` is what ARM would answer). */
export async function armState(request: APIRequestContext, kind: RequestKind, name: string): Promise<ArmRequestRecord> {
  const response = await request.get(`${ARM_EMULATOR_URL}/_arm/state/${kind}/${name}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as ArmRequestRecord;
}

/** Changes a request's status behind the app's back, as an approver or PIM's provisioning would. */
export async function setArmStatus(request: APIRequestContext, kind: RequestKind, name: string, status: string): Promise<void> {
  expect((await request.post(`${ARM_EMULATOR_URL}/_arm/requests/${kind}/${name}`, { data: { status } })).ok()).toBe(true);
}
