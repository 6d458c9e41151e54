import { z } from "zod";

// Fragments of Graph payloads several categories share. Only the fields the app reads are parsed; the rest of a
// Graph entity is dropped at this edge.

export const directoryObjectSchema = z.object({
  id: z.string(),
  displayName: z.string().nullish(),
  userPrincipalName: z.string().nullish(),
  mail: z.string().nullish(),
});

export const identitySetSchema = z.object({
  user: z.object({ id: z.string().nullish(), displayName: z.string().nullish() }).nullish(),
  application: z.object({ id: z.string().nullish(), displayName: z.string().nullish() }).nullish(),
});

export const requestScheduleSchema = z.object({
  startDateTime: z.string().nullish(),
  expiration: z
    .object({
      type: z.string().nullish(),
      endDateTime: z.string().nullish(),
      duration: z.string().nullish(),
    })
    .nullish(),
});

export const ticketInfoSchema = z.object({
  ticketNumber: z.string().nullish(),
  ticketSystem: z.string().nullish(),
});

export function scheduleFrom(schedule: z.infer<typeof requestScheduleSchema> | null | undefined) {
  if (!schedule) return null;
  return {
    startDateTime: schedule.startDateTime ?? null,
    endDateTime: schedule.expiration?.endDateTime ?? null,
    duration: schedule.expiration?.duration ?? null,
  };
}

export function ticketFrom(ticket: z.infer<typeof ticketInfoSchema> | null | undefined) {
  if (!ticket?.ticketNumber && !ticket?.ticketSystem) return null;
  return { number: ticket.ticketNumber ?? null, system: ticket.ticketSystem ?? null };
}

export function personFromIdentitySet(createdBy: z.infer<typeof identitySetSchema> | null | undefined) {
  const who = createdBy?.user ?? createdBy?.application;
  if (!who?.id) return null;
  return { id: who.id, displayName: who.displayName ?? who.id };
}

/** Quotes a value for an OData string literal (single quotes are doubled). */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
