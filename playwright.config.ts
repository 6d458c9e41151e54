import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/support/chromium";
import { APP_START_COMMAND, APP_URL, ARM_EMULATOR_ENV, ARM_EMULATOR_URL, DEMO_APP_ENV, EMULATOR_ENV, GRAPH_EMULATOR_URL, IDP_ENV, IDP_URL } from "./scripts/demo-env";

const reuse = !process.env.CI;

export default defineConfig({
  testDir: "./e2e",
  // The tests share one emulator whose state they reset and change, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "api", testMatch: /api\/.*\.spec\.ts/, dependencies: ["setup"] },
    { name: "browser", testMatch: /ui\/.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: [
    { command: "npm run idp", url: `${IDP_URL}/health`, env: IDP_ENV, reuseExistingServer: reuse, timeout: 60_000 },
    { command: "npm run emulator", url: `${GRAPH_EMULATOR_URL}/health`, env: EMULATOR_ENV, reuseExistingServer: reuse, timeout: 60_000 },
    { command: "npm run arm", url: `${ARM_EMULATOR_URL}/health`, env: ARM_EMULATOR_ENV, reuseExistingServer: reuse, timeout: 60_000 },
    {
      // The production build, as the demo runs it.
      command: `npm run build && ${APP_START_COMMAND}`,
      url: `${APP_URL}/api/health`,
      env: DEMO_APP_ENV,
      reuseExistingServer: reuse,
      timeout: 300_000,
    },
  ],
});
