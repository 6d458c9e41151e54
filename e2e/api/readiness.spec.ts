import { expect, test } from "@playwright/test";
import { IDP_URL } from "../../scripts/demo-env";

// Probes call these without a user token: a load balancer has none.

test("/api/ready says the demo is ready, naming each check it made without any token", async ({ request }) => {
  const response = await request.get("/api/ready");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = await response.json();
  expect(body.status).toBe("ready");
  expect(body.checks).toEqual([
    { name: "configuration", ok: true, detail: expect.any(String) },
    // The local provider's metadata, where the browser reads it too.
    { name: "authority_metadata", ok: true, detail: expect.stringContaining(`${IDP_URL}/.well-known/openid-configuration`) },
    { name: "graph_host", ok: true, detail: "localhost resolves" },
    { name: "arm_host", ok: true, detail: "localhost resolves" },
  ]);
});

test("/api/ready refuses writes with a JSON 405 naming GET", async ({ request }) => {
  const response = await request.post("/api/ready", { data: {} });
  expect(response.status()).toBe(405);
  expect(response.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect((await response.json()).error.code).toBe("method_not_allowed");
});
