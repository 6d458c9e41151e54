import { findChromium, MISSING_CHROMIUM_HELP } from "../e2e/support/chromium";

const path = findChromium();
if (!path) {
  console.error(MISSING_CHROMIUM_HELP);
  process.exit(1);
}
console.log(`Using Chromium at ${path}`);
