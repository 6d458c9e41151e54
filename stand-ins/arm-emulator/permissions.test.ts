// The caller's permissions at a scope (REST reference "Permissions - List For Resource Group", 2022-04-01): one entry
// per role held at or above the scope, in the reference's shape, to any caller about themselves; what a client reads
// to know, before it offers Cancel, whether ARM would let it cancel there.

import { describe, expect, it } from "vitest";

import { ADMIN, DEMO_PEOPLE, LEE, MEGAN } from "../demo-tenant";
import { ArmDirectory } from "./model/directory";
import { REQUEST_KINDS } from "./model/request-kinds";
import { person } from "./seed/principals";
import { ROLE_DEFINITIONS, ROLE_IDS } from "./seed/role-definitions";
import { ARM_SCOPES as S, buildArmSeed } from "./seed";
import { armHarnessForFile } from "./test-harness";

const h = armHarnessForFile();

const permissionsPath = (scope: string, version = "2022-04-01") =>
  `${scope === "/" ? "" : scope}/providers/Microsoft.Authorization/permissions?api-version=${version}`;

/** A built-in role as the list reports it. */
function entryOf(guid: string) {
  const role = ROLE_DEFINITIONS.find((r) => r.guid === guid)!;
  return { actions: [...role.actions], notActions: [...role.notActions], dataActions: [...(role.dataActions ?? [])], notDataActions: [...(role.notDataActions ?? [])] };
}

async function permissionsOf(token: string, scope: string) {
  const answer = await h.call(permissionsPath(scope), { token });
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
}

describe("GET {scope}/providers/Microsoft.Authorization/permissions", () => {
  it("reports Adele's Reader role on Contoso Sandbox: reads, and nothing that cancels", async () => {
    const body = await permissionsOf(await h.token(ADMIN), S.contosoSandbox);
    expect(body).toEqual({ value: [{ actions: ["*/read"], notActions: [], dataActions: [], notDataActions: [] }] });
    // The reference's sample keys, nothing more, and no nextLink.
    expect(Object.keys(body)).toEqual(["value"]);
    expect(Object.keys(body.value[0])).toEqual(["actions", "notActions", "dataActions", "notDataActions"]);
  });

  it("reports a role once however often it is held on the way up, and inherits it into resource groups and resources", async () => {
    const token = await h.token(ADMIN);
    // Owner of the Production management group and of Contoso Production itself: one Owner entry.
    for (const scope of [S.productionGroup, S.contosoProduction, S.rgPayments, S.paymentsKeyVault]) {
      expect((await permissionsOf(token, scope)).value, scope).toEqual([entryOf(ROLE_IDS.owner)]);
    }
    expect((await permissionsOf(token, S.rgExperiments)).value).toEqual([entryOf(ROLE_IDS.reader)]);
  });

  it("reports nothing held below the scope, and an empty list where the caller holds no role", async () => {
    const johanna = await h.token(person("johanna"));
    expect((await permissionsOf(johanna, S.rgPayments)).value).toEqual([entryOf(ROLE_IDS.contributor)]);
    expect((await permissionsOf(johanna, S.contosoProduction)).value).toEqual([]);
    // No read right is needed to ask: Adele about Finance Restricted and Contoso Root, Megan anywhere.
    const adele = await h.token(ADMIN);
    expect((await permissionsOf(adele, S.financeRestricted)).value).toEqual([]);
    expect((await permissionsOf(adele, S.rootGroup)).value).toEqual([]);
    const megan = await h.token(MEGAN);
    for (const scope of ["/", S.rootGroup, S.marketingAnalytics, S.campaignStorage]) expect((await permissionsOf(megan, scope)).value, scope).toEqual([]);
  });

  it("reports the exclusions and data actions of the roles as defined", async () => {
    const diego = await h.token(person("diego"));
    const [storage] = (await permissionsOf(diego, S.paymentsStorage)).value;
    expect(storage.dataActions).toEqual(["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"]);
    const [nestor] = (await permissionsOf(await h.token(person("nestor")), S.ledgerKeyVault)).value;
    expect(nestor).toEqual(entryOf(ROLE_IDS.owner));
    expect((await permissionsOf(await h.token(LEE), S.marketingAnalytics)).value).toEqual([entryOf(ROLE_IDS.reader)]);
    const [contributor] = (await permissionsOf(await h.token(person("johanna")), S.paymentsKeyVault)).value;
    expect(contributor.notActions).toContain("Microsoft.Authorization/*/Write");
  });

  it("answers at the tenant root, with the spec examples' subscription alias, and with keywords in any case", async () => {
    const nestor = await h.token(person("nestor"));
    expect((await permissionsOf(nestor, "/")).value).toEqual([]);
    const alias = `/providers/Microsoft.Subscription${S.marketingAnalytics}`;
    expect((await permissionsOf(nestor, alias)).value).toEqual([entryOf(ROLE_IDS.owner)]);
    const shouted = await h.call(`${S.contosoSandbox}/PROVIDERS/microsoft.authorization/Permissions?api-version=2022-04-01`, { token: await h.token(ADMIN) });
    expect(shouted.body.value).toEqual([entryOf(ROLE_IDS.reader)]);
  });

  it("takes 2022-04-01, 2015-07-01 and 2018-01-01-preview, and refuses other versions", async () => {
    const token = await h.token(ADMIN);
    for (const version of ["2015-07-01", "2018-01-01-preview", "2022-04-01"]) {
      expect((await h.call(permissionsPath(S.contosoSandbox, version), { token })).status, version).toBe(200);
    }
    const wrong = await h.call(permissionsPath(S.contosoSandbox, "2020-10-01"), { token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe("InvalidApiVersionParameter");
    expect(wrong.body.error.message).toContain("2022-04-01");
  });

  it("answers unknown scopes, missing tokens and other methods as ARM does", async () => {
    const token = await h.token(ADMIN);
    const unknownSubscription = await h.call(permissionsPath("/subscriptions/00000000-0000-0000-0000-000000000000"), { token });
    expect(unknownSubscription.status).toBe(404);
    expect(unknownSubscription.body.error.code).toBe("SubscriptionNotFound");
    const unknownGroup = await h.call(permissionsPath(`${S.contosoSandbox}/resourceGroups/rg-nowhere`), { token });
    expect(unknownGroup.status).toBe(404);
    expect(unknownGroup.body.error.code).toBe("ResourceGroupNotFound");
    expect((await h.call(permissionsPath(S.contosoSandbox))).status).toBe(401);
    const post = await h.call(permissionsPath(S.contosoSandbox), { token, method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
    expect((await h.call(`${S.contosoSandbox}/providers/Microsoft.Authorization/permissions/extra?api-version=2022-04-01`, { token })).status).toBe(404);
  });

  it("draws on the caller's read limit and is logged like any ARM call", async () => {
    await h.call(permissionsPath(S.contosoSandbox), { token: await h.token(ADMIN) });
    const answer = await h.call(permissionsPath(S.productionGroup), { token: await h.token(ADMIN) });
    expect(answer.headers.get("x-ms-ratelimit-remaining-tenant-reads")).not.toBeNull();
    const log: Array<{ method: string; path: string; status: number }> = (await h.control("requests")).body;
    expect(log.map((c) => [c.method, c.path, c.status])).toEqual([
      ["GET", `${S.contosoSandbox}/providers/Microsoft.Authorization/permissions`, 200],
      ["GET", `${S.productionGroup}/providers/Microsoft.Authorization/permissions`, 200],
    ]);
  });

  it("says exactly what the stand-in's own cancel check decides, for every person at every scope", async () => {
    // A client's reading of the list (an entry whose actions match and whose notActions do not) against the RBAC the
    // routes enforce: the two must never disagree, or the app would hide a Cancel ARM allows or offer one it refuses.
    const wildcard = (pattern: string) => new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&")).join(".*")}$`, "i");
    const allows = (entries: Array<{ actions: string[]; notActions: string[] }>, action: string) =>
      entries.some((e) => e.actions.some((a) => wildcard(a).test(action)) && !e.notActions.some((n) => wildcard(n).test(action)));
    const directory = new ArmDirectory(buildArmSeed());
    const scopes = Object.values(S);
    let allowed = 0;
    for (const who of DEMO_PEOPLE.filter((p) => !p.tenantId)) {
      const token = await h.token(who);
      for (const scope of scopes) {
        const { value } = await permissionsOf(token, scope);
        for (const kind of REQUEST_KINDS) {
          const expected = directory.rbac.can(who.oid, kind.cancelAction, directory.tree.selfAndAncestors(scope));
          expect(allows(value, kind.cancelAction), `${who.userPrincipalName} ${kind.kind} ${scope}`).toBe(expected);
          if (expected) allowed++;
        }
      }
    }
    expect(allowed).toBeGreaterThan(0);
  });
});
