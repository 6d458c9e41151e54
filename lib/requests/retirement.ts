/** Whether the day Microsoft set for an API's retirement (`YYYY-MM-DD`) has come, in UTC days; false for a live API. */
export function hasRetired(isoDate: string | undefined, now: Date): boolean {
  if (!isoDate) return false;
  return Date.parse(`${isoDate}T00:00:00Z`) <= Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}
