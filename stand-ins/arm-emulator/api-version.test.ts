// Every ARM call takes api-version (contract "Hosts and tokens"): missing → 400 MissingApiVersionParameter,
// unknown → 400 InvalidApiVersionParameter, as CloudError bodies; each route accepts its own versions.

import { describe, expect, it } from "vitest";

import { ADMIN } from "../demo-tenant";
import { ARM_SCOPES } from "./seed";
import { ASSIGNMENT_REQUESTS, ELIGIBILITY_REQUESTS, armHarnessForFile } from "./test-harness";

const h = armHarnessForFile();
const sub = ARM_SCOPES.contosoProduction;

describe("api-version", () => {
  it("is required on every route", async () => {
    const token = await h.token(ADMIN);
    for (const path of ["/subscriptions", "/providers/Microsoft.Management/managementGroups", `${sub}/${ASSIGNMENT_REQUESTS}`]) {
      const answer = await h.call(path, { token });
      expect(answer.status, path).toBe(400);
      expect(answer.body).toEqual({ error: { code: "MissingApiVersionParameter", message: "The api-version query parameter (?api-version=) is required for all requests." } });
    }
  });

  it("refuses versions a route does not know, listing the ones it does", async () => {
    const token = await h.token(ADMIN);
    const answer = await h.call(`${sub}/${ASSIGNMENT_REQUESTS}?api-version=2019-01-01`, { token });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidApiVersionParameter");
    expect(answer.body.error.message).toContain("'2019-01-01'");
    expect(answer.body.error.message).toContain("2020-10-01");
    // The subscription list's version is not a PIM one, and the other way round.
    expect((await h.call("/subscriptions?api-version=2020-10-01", { token })).body.error.code).toBe("InvalidApiVersionParameter");
    expect((await h.call(`${sub}/${ASSIGNMENT_REQUESTS}?api-version=2022-12-01`, { token })).body.error.code).toBe("InvalidApiVersionParameter");
  });

  it("accepts 2020-10-01 and 2024-09-01-preview for both request kinds", async () => {
    const token = await h.token(ADMIN);
    for (const collection of [ASSIGNMENT_REQUESTS, ELIGIBILITY_REQUESTS]) {
      for (const version of ["2020-10-01", "2024-09-01-preview"]) {
        expect((await h.call(`${sub}/${collection}?api-version=${version}`, { token })).status, `${collection} ${version}`).toBe(200);
      }
    }
    expect((await h.call("/subscriptions?api-version=2022-12-01", { token })).status).toBe(200);
    expect((await h.call("/providers/Microsoft.Management/managementGroups?api-version=2021-04-01", { token })).status).toBe(200);
  });

  it("matches path keywords case-insensitively and answers unknown paths and methods with CloudErrors", async () => {
    const token = await h.token(ADMIN);
    const shouting = `${sub.toUpperCase()}/PROVIDERS/microsoft.authorization/ROLEASSIGNMENTSCHEDULEREQUESTS?api-version=2020-10-01`;
    expect((await h.call(shouting, { token })).status).toBe(200);
    const unknown = await h.call(`${sub}/providers/Microsoft.Authorization/roleSomething?api-version=2020-10-01`, { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NotFound");
    const wrongMethod = await h.call(`${sub}/${ASSIGNMENT_REQUESTS}?api-version=2020-10-01`, { token, method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });

  it("answers /health without a token", async () => {
    const answer = await h.call("/health");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: "ok" });
  });
});
