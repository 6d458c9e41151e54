// Sends hostile cases to the app a few at a time over raw sockets and judges each answer.

import { sendRaw } from "./raw-http";
import { judge, type Verdict } from "./judge";
import type { HostileCase } from "./types";

export type Outcome = { kase: HostileCase; verdict: Verdict; error?: undefined } | { kase: HostileCase; verdict?: undefined; error: string };

export async function runCases(cases: readonly HostileCase[], host: string, port: number, concurrency: number, onEach?: (done: number) => Promise<void> | void): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(cases.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < cases.length) {
      const index = next++;
      const kase = cases[index]!;
      try {
        outcomes[index] = { kase, verdict: judge(kase, await sendRaw(host, port, kase.request)) };
      } catch (error) {
        outcomes[index] = { kase, error: error instanceof Error ? error.message : String(error) };
      }
      done++;
      await onEach?.(done);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}
