import { expect, type APIRequestContext } from "@playwright/test";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import type { LoggedCall as LoggedGraphCall } from "../../stand-ins/graph-emulator/engine/request-log";

// The Graph emulator's test-only control endpoints (never part of the app's code paths).

// What GET /_emulator/requests answers, as the emulator defines it.
export type { LoggedCall as LoggedGraphCall } from "../../stand-ins/graph-emulator/engine/request-log";

export async function resetEmulator(request: APIRequestContext): Promise<void> {
  const response = await request.post(`${GRAPH_EMULATOR_URL}/_emulator/reset`);
  expect(response.ok()).toBe(true);
}

export async function clearGraphLog(request: APIRequestContext): Promise<void> {
  expect((await request.delete(`${GRAPH_EMULATOR_URL}/_emulator/requests`)).ok()).toBe(true);
}

export async function graphLog(request: APIRequestContext): Promise<LoggedGraphCall[]> {
  const response = await request.get(`${GRAPH_EMULATOR_URL}/_emulator/requests`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as LoggedGraphCall[];
}

/** Changes a request's status behind the app's back, as another admin or the approval workflow would. */
export async function setGraphStatus(request: APIRequestContext, collection: string, id: string, status: string) {
  const response = await request.post(`${GRAPH_EMULATOR_URL}/_emulator/entities/${collection}/${id}`, { data: { status } });
  expect(response.ok()).toBe(true);
}

export async function graphState(request: APIRequestContext, collection: string, id: string): Promise<Record<string, unknown>> {
  const response = await request.get(`${GRAPH_EMULATOR_URL}/_emulator/state/${collection}/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}
