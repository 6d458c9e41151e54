// Output helpers: one line per figure, with its target beside it. Measurements, not tests: nothing asserts.

import { pathToFileURL } from "node:url";

export type Report = (line: string) => void;

export const printLine: Report = (line) => console.log(line);

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ms`;

export const ratio = (value: number) => value.toFixed(2);

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** True when this module is the script tsx was started with (so a benchmark can run alone against a running stack). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(entry).href === moduleUrl;
}

/** Runs one benchmark on its own against a stack that is already running (`npm run demo`, or e2e's). */
export async function runAlone(run: (report: Report) => Promise<void>): Promise<void> {
  try {
    await run(printLine);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
