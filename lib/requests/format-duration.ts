// ISO-8601 durations as Graph sends them (PT8H, P1DT12H, P30D) in words an admin reads at a glance.
const PARTS: Array<[RegExp, string]> = [
  [/(\d+(?:\.\d+)?)Y/, "year"],
  [/(\d+(?:\.\d+)?)M(?=.*T|$)/, "month"],
  [/(\d+(?:\.\d+)?)W/, "week"],
  [/(\d+(?:\.\d+)?)D/, "day"],
];
const TIME_PARTS: Array<[RegExp, string]> = [
  [/(\d+(?:\.\d+)?)H/, "hour"],
  [/(\d+(?:\.\d+)?)M/, "minute"],
  [/(\d+(?:\.\d+)?)S/, "second"],
];

export function formatDuration(iso: string | null): string | null {
  if (!iso || !/^P/.test(iso)) return null;
  const [datePart = "", timePart = ""] = iso.slice(1).split("T");
  const words: string[] = [];
  for (const [pattern, unit] of PARTS) push(words, pattern.exec(datePart)?.[1], unit);
  for (const [pattern, unit] of TIME_PARTS) push(words, pattern.exec(timePart)?.[1], unit);
  return words.length > 0 ? words.join(" ") : null;
}

function push(words: string[], amount: string | undefined, unit: string) {
  if (!amount || Number(amount) === 0) return;
  words.push(`${amount} ${unit}${Number(amount) === 1 ? "" : "s"}`);
}
