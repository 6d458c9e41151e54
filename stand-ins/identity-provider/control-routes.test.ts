// The test-only control endpoints under /_idp.

import { describe, expect, it } from "vitest";

import { ConsentRecords } from "./consent-records";
import { DEMO_TENANT_ID, FABRIKAM_TENANT_ID, LEE, PATTI } from "../demo-tenant";
import { ARM, GRAPH, control, providerForFile } from "./test-driver";

let issuer: string;

providerForFile((started) => {
  issuer = started.idp.issuer;
}, { resetEach: false });

describe("/_idp control endpoints", () => {
  it("GET /_idp/consent lists tenant-wide and personal grants as at start", async () => {
    const response = await control(issuer, "/_idp/consent");
    expect(response.status).toBe(200);
    expect(response.body).toEqual(new ConsentRecords().snapshot());
  });

  it("POST adds and DELETE removes grants for a tenant or a person; reset restores the start", async () => {
    const added = await control(issuer, "/_idp/consent", "POST", { tenantId: FABRIKAM_TENANT_ID, scopes: ["GroupMember.Read.All", `${GRAPH}/Group.Read.All`] });
    expect(added.status).toBe(200);
    expect((added.body.tenants as Record<string, string[]>)[FABRIKAM_TENANT_ID]).toEqual(["User.Read", "GroupMember.Read.All", "Group.Read.All"]);

    await control(issuer, "/_idp/consent", "POST", { userId: PATTI.oid, scopes: ["Directory.Read.All"] });
    const removed = await control(issuer, "/_idp/consent", "DELETE", { tenantId: DEMO_TENANT_ID, scopes: ["User.Read"] });
    expect((removed.body.tenants as Record<string, string[]>)[DEMO_TENANT_ID]).not.toContain("User.Read");
    expect((removed.body.users as Record<string, string[]>)[PATTI.oid]).toEqual(["Directory.Read.All"]);
    const gone = await control(issuer, "/_idp/consent", "DELETE", { userId: PATTI.oid, scopes: ["Directory.Read.All"] });
    expect(gone.body.users).not.toHaveProperty(PATTI.oid);

    expect(await control(issuer, "/_idp/reset", "POST")).toEqual({ status: 200, body: { status: "reset" } });
    expect((await control(issuer, "/_idp/consent")).body).toEqual(new ConsentRecords().snapshot());
  });

  it("takes ARM's permission fully qualified, listed after Graph's", async () => {
    const added = await control(issuer, "/_idp/consent", "POST", { tenantId: FABRIKAM_TENANT_ID, scopes: [`${ARM}/user_impersonation`, "GroupMember.Read.All"] });
    expect(added.status).toBe(200);
    expect((added.body.tenants as Record<string, string[]>)[FABRIKAM_TENANT_ID]).toEqual(["User.Read", "GroupMember.Read.All", `${ARM}/user_impersonation`]);
    const personal = await control(issuer, "/_idp/consent", "POST", { userId: PATTI.oid, scopes: [`${ARM}//user_impersonation`] });
    expect((personal.body.users as Record<string, string[]>)[PATTI.oid]).toEqual([`${ARM}/user_impersonation`]);
    for (const scopes of [["user_impersonation"], [`${ARM}/.default`], ["https://management.usgovcloudapi.net/user_impersonation"]]) {
      expect((await control(issuer, "/_idp/consent", "POST", { tenantId: FABRIKAM_TENANT_ID, scopes })).status).toBe(400);
    }
    await control(issuer, "/_idp/reset", "POST");
  });

  it("answers bad bodies with 400 JSON and changes nothing", async () => {
    const before = await control(issuer, "/_idp/consent");
    const bad: unknown[] = [
      undefined,
      {},
      { tenantId: "nope", scopes: ["User.Read"] },
      { userId: "nope", scopes: ["User.Read"] },
      { tenantId: DEMO_TENANT_ID, scopes: ["Mail.Send"] },
      { tenantId: DEMO_TENANT_ID, scopes: [] },
      { tenantId: DEMO_TENANT_ID, userId: LEE.oid, scopes: ["User.Read"] },
      { tenantId: DEMO_TENANT_ID, scopes: "User.Read" },
    ];
    for (const body of bad) {
      const response = await control(issuer, "/_idp/consent", "POST", body);
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual(expect.any(String));
    }
    const malformed = await fetch(new URL("/_idp/consent", issuer), { method: "DELETE", body: "{nope" });
    expect(malformed.status).toBe(400);
    expect((await control(issuer, "/_idp/consent")).body).toEqual(before.body);
  });

  it("answers unknown control paths with 404 JSON", async () => {
    expect((await control(issuer, "/_idp/nothing")).status).toBe(404);
    expect((await control(issuer, "/_idp/reset")).status).toBe(404); // GET
  });
});
