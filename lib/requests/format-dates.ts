import { hasRetired } from "./retirement";

const absolute = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
// A calendar day Microsoft announced (a retirement date): the same day wherever the reader is.
const calendarDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
// "always": "1 week ago", not "last week", which reads as the calendar week and so disagrees with the row above.
const relative = new Intl.RelativeTimeFormat("en", { numeric: "always" });

export function formatAbsolute(iso: string | null): string {
  if (!iso) return "Unknown";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "Unknown" : absolute.format(date);
}

// A coarser unit takes over only once it reads as a whole number of itself: "13 days ago", then "2 weeks ago".
const DAY = 86_400;
const UNITS: ReadonlyArray<[unit: Intl.RelativeTimeFormatUnit, size: number, from: number]> = [
  ["year", 365 * DAY, 365 * DAY],
  ["month", 30 * DAY, 60 * DAY],
  ["week", 7 * DAY, 14 * DAY],
  ["day", DAY, DAY],
  ["hour", 3_600, 3_600],
  ["minute", 60, 60],
];

/**
 * "3 days ago", "in 2 hours": how long a request has been waiting matters more than its timestamp. Whole units,
 * rounded down, so an older request never reads as younger than a newer one ("7 days ago" above "6 days ago").
 */
export function formatRelative(iso: string | null, now: Date = new Date()): string {
  if (!iso) return "Unknown";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "Unknown";
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const elapsed = Math.abs(seconds);
  for (const [unit, size, from] of UNITS) {
    if (elapsed >= from) return relative.format(Math.sign(seconds) * Math.floor(elapsed / size), unit);
  }
  return "just now";
}

/**
 * "retired 31 May 2021" from the day Microsoft set, "retires 28 Oct 2026" before it. The label follows that date,
 * not whether this tenant's list came back empty.
 */
export function retirementLabel(isoDate: string, today: Date): string {
  return `${hasRetired(isoDate, today) ? "retired" : "retires"} ${calendarDay.format(Date.parse(`${isoDate}T00:00:00Z`))}`;
}
