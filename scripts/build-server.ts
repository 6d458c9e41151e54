// The second half of `npm run build`: turns Next's standalone output into the artefact that ships. Next writes
// .next/standalone (its server files and the node_modules they use) but leaves the browser assets and public/ to
// the deployer (Next's docs, "output: standalone"); this copies them in and bundles the app's own server
// (server/main.ts) beside them, so .next/standalone is the whole app: `node request-desk-server.mjs` in it.
import { cp, stat } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const standalone = path.join(root, ".next", "standalone");

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  );
}

if (!(await exists(path.join(standalone, ".next", "required-server-files.json")))) {
  throw new Error("No standalone output in .next/standalone: run `next build` first (next.config.mjs sets output: 'standalone').");
}
await cp(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true });
if (await exists(path.join(root, "public"))) await cp(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });

await build({
  entryPoints: [path.join(root, "server", "main.ts")],
  outfile: path.join(standalone, "request-desk-server.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Next and pino come from the standalone node_modules Next traced (the copies its route bundles use: pino is one
  // of Next's server-external packages); the rest (zod…) is bundled, since webpack inlined it in Next's own chunks
  // and it is not in that node_modules.
  external: ["next", "next/*", "pino"],
  logLevel: "warning",
});
console.log("Standalone server ready: .next/standalone/request-desk-server.mjs");
