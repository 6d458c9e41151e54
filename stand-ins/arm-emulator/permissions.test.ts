// The caller's permissions at a scope (REST reference "Permissions - List For Resource Group", 2022-04-01): one entry
// per role held at or above the scope, in the reference's shape, to a caller allowed to read permissions there; what a client reads
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

  it("reports nothing held below the scope, and refuses a caller who may not read permissions there, as ARM does", async () => {
    const johanna = await h.token(person("johanna"));
    const megan = await h.token(MEGAN);
    expect((await permissionsOf(johanna, S.rgPayments)).value).toEqual([entryOf(ROLE_IDS.contributor)]);
    // Asking needs Microsoft.Authorization/permissions/read at the scope (every built-in role has it through */read):
    // Johanna's Contributor on a resource group does not reach up to its subscription, Adele holds nothing on Finance
    // Restricted nor the tenant root group, Megan nothing anywhere. ARM checks this before the scope's existence.
    const refusals: Array<[string, string]> = [
      [johanna, S.contosoProduction],
      [await h.token(ADMIN), S.financeRestricted],
      [await h.token(ADMIN), S.rootGroup],
      ...["/", S.rootGroup, S.marketingAnalytics, S.campaignStorage].map((scope): [string, string] => [megan, scope]),
    ];
    for (const [token, scope] of refusals) {
      const answer = await h.call(permissionsPath(scope), { token });
      expect(answer.status, scope).toBe(403);
      expect(answer.body.error.code).toBe("AuthorizationFailed");
      expect(answer.body.error.message).toContain("'Microsoft.Authorization/permissions/read'");
    }
  });

  it("reports the exclusions of the roles as defined, and refuses a data-plane role alone", async () => {
    // Storage Blob Data Reader carries no control-plane read, so Diego may not even list his own permissions there.
    const diego = await h.call(permissionsPath(S.paymentsStorage), { token: await h.token(person("diego")) });
    expect(diego.status).toBe(403);
    const [nestor] = (await permissionsOf(await h.token(person("nestor")), S.ledgerKeyVault)).value;
    expect(nestor).toEqual(entryOf(ROLE_IDS.owner));
    expect((await permissionsOf(await h.token(LEE), S.marketingAnalytics)).value).toEqual([entryOf(ROLE_IDS.reader)]);
    const [contributor] = (await permissionsOf(await h.token(person("johanna")), S.paymentsKeyVault)).value;
    expect(contributor.notActions).toContain("Microsoft.Authorization/*/Write");
  });

  it("answers with the spec examples' subscription alias and with keywords in any case, and refuses the tenant root without a role there", async () => {
    const nestor = await h.token(person("nestor"));
    expect((await h.call(permissionsPath("/"), { token: nestor })).status).toBe(403);
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
        const answer = await h.call(permissionsPath(scope), { token });
        // A refusal leaves a client not knowing (the app then offers Cancel and lets ARM decide); in the seed nobody can
        // cancel where they may not read permissions, so the refusal never hides a right.
        const value = answer.status === 403 ? undefined : answer.body.value;
        expect([200, 403], scope).toContain(answer.status);
        for (const kind of REQUEST_KINDS) {
          const expected = directory.rbac.can(who.oid, kind.cancelAction, directory.tree.selfAndAncestors(scope));
          if (!value) {
            expect(expected, `${who.userPrincipalName} ${kind.kind} ${scope} (403)`).toBe(false);
            continue;
          }
          expect(allows(value, kind.cancelAction), `${who.userPrincipalName} ${kind.kind} ${scope}`).toBe(expected);
          if (expected) allowed++;
        }
      }
    }
    expect(allowed).toBeGreaterThan(0);
  });
});
