import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./test-support/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "stand-ins/**/*.test.ts", "scripts/**/*.test.ts"],
    env: {
      GRAPH_BASE_URL: "https://graph.microsoft.com",
      AUTH_CLIENT_ID: "00000000-0000-0000-0000-000000000001",
      AUTH_AUTHORITY: "https://login.microsoftonline.com/common",
      GRAPH_MAX_RETRY_WAIT_MS: "2000",
    },
    testTimeout: 20_000,
  },
});
