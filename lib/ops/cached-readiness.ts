import "server-only";
import { checkReadiness, type Readiness } from "./readiness";

// Probes (a load balancer, Kubernetes, several replicas' sidecars) may call every second or two; the answer is kept
// this long so the authority and DNS see at most one check per instance in that time.
const KEEP_MS = 5_000;

let last: { at: number; result: Promise<Readiness> } | undefined;

export function currentReadiness(now = Date.now()): Promise<Readiness> {
  if (!last || now - last.at > KEEP_MS) last = { at: now, result: checkReadiness() };
  return last.result;
}
