// R4: memory under abuse. 256 concurrent unauthenticated requests with ~1 MiB bodies to the cancel routes, first
// with no Authorization header, then with fake bearers: the app server's RSS before, its peak while they are in
// flight (sampled from /proc every 50 ms), and after 30 s idle. The refusals must not cost what the bodies weigh.
// Standalone (against a running stack): npx tsx bench/r4-abuse-memory.ts

import { request as httpRequest, Agent } from "node:http";
import { APP_LISTEN_PORT } from "../scripts/demo-env";
import { appServerPid, mib, processMemory, sampleRss } from "./support/process-memory";
import { isMain, runAlone, type Report } from "./support/report";

const CONCURRENT = 256;
const BODY_BYTES = 1024 * 1024 - 1024; // just under the documented 1 MiB cap, so the size alone does not refuse it
const IDLE_MS = 30_000;

function post(path: string, body: Buffer, headers: Record<string, string>, agent: Agent): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: APP_LISTEN_PORT, path, method: "POST", agent, headers: { "content-type": "application/json", "content-length": String(body.length), ...headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(res.statusCode ?? 0));
      },
    );
    // A server that refuses early may close the connection while the body is still going out.
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

/** A JSON body of about `bytes` that parses: a bulk cancel padded with one long string. */
function paddedBody(bytes: number): Buffer {
  const shell = JSON.stringify({ items: [{ category: "access-package", id: "00000000-0000-0000-0000-000000000000" }], pad: "" });
  return Buffer.from(shell.replace('"pad":""', `"pad":"${"x".repeat(bytes - shell.length)}"`));
}

async function burst(pid: number, headersFor: (i: number) => Record<string, string>) {
  const agent = new Agent({ keepAlive: false, maxSockets: CONCURRENT });
  const body = paddedBody(BODY_BYTES);
  const paths = ["/api/requests/cancel", "/api/requests/access-package/00000000-0000-0000-0000-000000000000/cancel"];
  const before = processMemory(pid).rssMiB;
  const sampler = sampleRss(pid);
  const started = performance.now();
  const statuses = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => post(paths[i % 2]!, body, headersFor(i), agent)));
  const seconds = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  agent.destroy();
  const histogram = new Map<number, number>();
  for (const s of statuses) histogram.set(s, (histogram.get(s) ?? 0) + 1);
  const answers = [...histogram].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s === 0 ? "reset" : s}×${n}`).join(" ");
  return { before, peak, seconds, answers };
}

export async function benchAbuseMemory(report: Report): Promise<void> {
  const pid = appServerPid(APP_LISTEN_PORT);
  const start = processMemory(pid);
  report(`R4 app server (pid ${pid}) at rest: RSS ${mib(start.rssMiB)}; ${CONCURRENT} concurrent POSTs of ${(BODY_BYTES / 1024).toFixed(0)} KiB to both cancel routes per round`);
  const rounds: Array<[string, (i: number) => Record<string, string>]> = [
    ["no Authorization header", () => ({})],
    ["fake bearers", (i) => ({ authorization: `Bearer fake.${i}.token` })],
  ];
  for (const [label, headersFor] of rounds) {
    const round = await burst(pid, headersFor);
    report(`R4 ${label}: RSS ${mib(round.before)} → peak ${mib(round.peak)} (+${mib(round.peak - round.before)}) in ${round.seconds.toFixed(1)} s; answers ${round.answers}`);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    report(`R4 ${label}: RSS after ${IDLE_MS / 1000} s idle ${mib(processMemory(pid).rssMiB)}`);
  }
  report(`R4 highest RSS of the app server since it started (VmHWM): ${mib(processMemory(pid).peakMiB)}`);
}

if (isMain(import.meta.url)) await runAlone(benchAbuseMemory);
