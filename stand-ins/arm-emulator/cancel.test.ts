// Cancel (contract "Endpoints", "Cancel rules"): 200 with an empty body and the request becomes Canceled; a request
// past cancelling is 400 RequestCannotBeCancelled "Request is not in cancellable state"; an unknown name (or one
// addressed under another scope) is 404 with the kind's NotFound code. Which statuses are cancellable:
// model/statuses.ts.

import { describe, expect, it } from "vitest";

import { ADMIN } from "../demo-tenant";
import { ARM_REQUEST_STATUSES, CANCELLABLE_STATUSES } from "./model/statuses";
import { person } from "./seed/principals";
import { ARM_SCOPES, SEED_LANDMARKS } from "./seed";
import { ASSIGNMENT_REQUESTS, ELIGIBILITY_REQUESTS, armHarnessForFile, pimPath } from "./test-harness";

const h = armHarnessForFile();
const KINDS = [
  { kind: "assignment", landmarks: SEED_LANDMARKS.assignment, collection: ASSIGNMENT_REQUESTS, notFound: "RoleAssignmentScheduleRequestNotFound" },
  { kind: "eligibility", landmarks: SEED_LANDMARKS.eligibility, collection: ELIGIBILITY_REQUESTS, notFound: "RoleEligibilityScheduleRequestNotFound" },
] as const;

describe.each(KINDS)("cancelling $kind requests", ({ kind, landmarks, collection, notFound }) => {
  it("answers 200 with an empty body and the request reads Canceled afterwards", async () => {
    const token = await h.token(ADMIN);
    const answer = await h.call(`${landmarks.colleagueCancellable.id}/cancel?api-version=2020-10-01`, { token, method: "POST" });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
    expect(answer.headers.get("content-type")).toBeNull();
    const after = await h.call(`${landmarks.colleagueCancellable.id}?api-version=2020-10-01`, { token });
    expect(after.body.properties.status).toBe("Canceled");
    expect((await h.control(`state/${kind}/${landmarks.colleagueCancellable.name}`)).body.status).toBe("Canceled");
    // A second cancel finds it past cancelling.
    const again = await h.call(`${landmarks.colleagueCancellable.id}/cancel?api-version=2020-10-01`, { token, method: "POST" });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ error: { code: "RequestCannotBeCancelled", message: "Request is not in cancellable state" } });
  });

  it("refuses a request past cancelling", async () => {
    const answer = await h.call(`${landmarks.adminNotCancellable.id}/cancel?api-version=2020-10-01`, { token: await h.token(ADMIN), method: "POST" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("RequestCannotBeCancelled");
    expect((await h.control(`state/${kind}/${landmarks.adminNotCancellable.name}`)).body.status).toBe(landmarks.adminNotCancellable.status);
  });

  it("answers 404 for an unknown name, and for a known one addressed under another scope", async () => {
    const token = await h.token(ADMIN);
    const unknown = await h.call(pimPath(ARM_SCOPES.contosoProduction, collection, "00000000-0000-0000-0000-000000000001/cancel"), { token, method: "POST" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe(notFound);
    const elsewhere = await h.call(pimPath(ARM_SCOPES.contosoDevelopment, collection, `${landmarks.colleagueCancellable.name}/cancel`), { token, method: "POST" });
    expect(elsewhere.status).toBe(404);
    const get = await h.call(pimPath(ARM_SCOPES.contosoProduction, collection, "00000000-0000-0000-0000-000000000001"), { token });
    expect(get.status).toBe(404);
    expect(get.body.error.code).toBe(notFound);
  });

  it("cancels exactly the statuses the decision lists", async () => {
    const token = await h.token(person("nestor"));
    const target = landmarks.colleagueCancellable;
    for (const status of ARM_REQUEST_STATUSES) {
      await h.control(`requests/${kind}/${target.name}`, { status });
      const answer = await h.call(`${target.id}/cancel?api-version=2020-10-01`, { token, method: "POST" });
      expect(answer.status, status).toBe(CANCELLABLE_STATUSES.has(status) ? 200 : 400);
    }
  });

  it("takes cancel as POST only, and the ids' path case-insensitively", async () => {
    const token = await h.token(ADMIN);
    const viaGet = await h.call(`${landmarks.colleagueCancellable.id}/cancel?api-version=2020-10-01`, { token });
    expect(viaGet.status).toBe(405);
    const lower = await h.call(`${landmarks.colleagueCancellable.id.toLowerCase()}/CANCEL?api-version=2020-10-01`, { token, method: "POST" });
    expect(lower.status).toBe(200);
  });
});
