// `npm run theme:generate` writes app/theme/dark.css; `npm run theme:check` fails if it is stale or a palette the
// components use is missing from it (so a Tailwind upgrade or a new colour cannot silently break dark mode).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { DARK_PALETTES, darkThemeStylesheet, readPalette } from "./dark-palette";

const require = createRequire(import.meta.url);
const target = join(process.cwd(), "app/theme/dark.css");
const wanted = darkThemeStylesheet(readPalette(readFileSync(require.resolve("tailwindcss/theme.css"), "utf8")));

if (process.argv.includes("--check")) {
  const problems: string[] = [];
  if (readFileSync(target, "utf8") !== wanted) problems.push("app/theme/dark.css is stale: run `npm run theme:generate`.");
  const used = palettesUsedIn(["app", "components"]);
  const missing = [...used].filter((p) => !(DARK_PALETTES as readonly string[]).includes(p) && p !== "black");
  if (missing.length) problems.push(`Palettes used without a dark mapping: ${missing.join(", ")} (add them to DARK_PALETTES).`);
  if (problems.length) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  console.log(`Dark theme up to date (${used.size} palettes used).`);
} else {
  writeFileSync(target, wanted);
  console.log(`Wrote ${target}`);
}

function palettesUsedIn(dirs: string[]): Set<string> {
  const used = new Set<string>();
  const classes = /\b(?:bg|text|border|ring|outline|divide|from|to|via|fill|stroke|decoration|placeholder|accent|caret|shadow)-([a-z]+)-(?:50|[1-9]00|950)\b/g;
  for (const dir of dirs) {
    for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      if (!/\.(tsx?|css)$/.test(file) || file.endsWith("dark.css")) continue;
      for (const match of readFileSync(join(dir, file), "utf8").matchAll(classes)) used.add(match[1]!);
    }
  }
  return used;
}
