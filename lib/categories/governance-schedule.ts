import { z } from "zod";
import type { RequestSchedule } from "@/lib/requests/pending-request";

// PIM v1 and v2 share `governanceSchedule` (contract §2): {type, startDateTime, endDateTime, duration}.
export const governanceScheduleSchema = z.object({
  type: z.string().nullish(),
  startDateTime: z.string().nullish(),
  endDateTime: z.string().nullish(),
  duration: z.string().nullish(),
});

// The A example sends "0001-01-01T00:00:00Z" for "no end": .NET's DateTime.MinValue, not a real date.
const NO_DATE = /^0001-01-01/;

export function fromGovernanceSchedule(schedule: z.infer<typeof governanceScheduleSchema> | null | undefined): RequestSchedule | null {
  if (!schedule) return null;
  const date = (value: string | null | undefined) => (value && !NO_DATE.test(value) ? value : null);
  return {
    startDateTime: date(schedule.startDateTime),
    endDateTime: date(schedule.endDateTime),
    duration: schedule.duration ?? null,
  };
}
