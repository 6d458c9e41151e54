import type { CategoryDescription } from "./pending-request";

/** Whether the day Microsoft set for an API's retirement has come (UTC calendar days): false for a live API. */
export function hasRetired(retirement: CategoryDescription["retirement"], now: Date): boolean {
  if (!retirement) return false;
  const retiredOn = Date.parse(`${retirement.date}T00:00:00Z`);
  return retiredOn <= Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}
