import { BUILT_IN_ROLES } from "@/lib/requests/built-in-role-table";

const NAME_BY_ID: ReadonlyMap<string, string> = new Map(Object.entries(BUILT_IN_ROLES).map(([name, id]) => [id, name]));

/** The roles' names (the built-in ones the app's rules mention), alphabetical, then how many others. */
export function directoryRoleNames(templateIds: readonly string[]): string[] {
  const known = templateIds.flatMap((id) => NAME_BY_ID.get(id.toLowerCase()) ?? []).sort();
  const others = templateIds.length - known.length;
  return others > 0 ? [...known, others === 1 ? "1 other directory role" : `${others} other directory roles`] : known;
}
