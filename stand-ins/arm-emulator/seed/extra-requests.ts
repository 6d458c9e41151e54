// Generated requests for benchmarks (seed option `extraRequestsPerKind`, env ARM_SEED_EXTRA_REQUESTS): that many
// more per kind, every one cancellable and for a colleague, at scopes Adele owns (so her bulk cancel can take them
// all). Deterministic: a seeded PRNG (graph-emulator seed-kit), never Math.random.

import { pick, seededRandom } from "../../graph-emulator/seed/seed-kit";
import { REQUEST_KINDS } from "../model/request-kinds";
import { CANCELLABLE_STATUSES } from "../model/statuses";
import { person } from "./principals";
import type { RequestSpec } from "./request-builder";
import type { RoleKey } from "./role-definitions";
import type { ScopeKey } from "./scopes-seed";

const OWNED_BY_ADELE: readonly ScopeKey[] = ["contosoProduction", "rgPayments", "rgWebProd", "contosoDevelopment", "rgWebDev", "marketingAnalytics", "rgMarketingCampaigns"];
const COLLEAGUES = ["alex", "diego", "lynne", "isaiah", "joni", "grady", "johanna"] as const;
const ROLES: readonly RoleKey[] = ["contributor", "reader", "virtualMachineContributor"];

export function extraSpecs(perKind: number): RequestSpec[] {
  const statuses = [...CANCELLABLE_STATUSES];
  return REQUEST_KINDS.flatMap(({ kind }, k) => {
    const random = seededRandom(0x5eed + k);
    return Array.from({ length: perKind }, (_, i): RequestSpec => ({
      key: `extra:${i}`,
      kind,
      scope: pick(random, OWNED_BY_ADELE),
      role: pick(random, ROLES),
      principalId: person(pick(random, COLLEAGUES)).oid,
      requestType: kind === "assignment" ? "SelfActivate" : "SelfExtend",
      status: statuses[i % statuses.length]!,
      createdDaysAgo: 0.1 + random() * 44,
      justification: `Generated request ${i + 1}`,
    }));
  });
}
