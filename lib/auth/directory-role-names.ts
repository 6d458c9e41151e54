/**
 * Names of the built-in Entra roles Request Desk's rules mention, by template id (the same in every tenant; Microsoft
 * Entra built-in roles reference). Others are shown as "another directory role".
 */
const ROLE_NAMES: Readonly<Record<string, string>> = {
  "62e90394-69f5-4237-9190-012177145e10": "Global Administrator",
  "e8611ab8-c189-46e8-94e1-60213ab1f814": "Privileged Role Administrator",
  "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e": "Identity Governance Administrator",
  "fdd7a751-b60b-444a-984c-02652fe8fa1c": "Groups Administrator",
  "fe930be7-5e62-47db-91af-98c3a49a38b1": "User Administrator",
  "9360feb5-f418-4baa-8175-e2a00bac4301": "Directory Writers",
  "f2ef992c-3afb-46b9-b7cf-a126ee74c451": "Global Reader",
  "5d6b6bb7-de71-4623-b4af-96380a352509": "Security Reader",
  "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f": "Security Operator",
  "194ae4cb-b126-40b2-bd5b-6091b380977d": "Security Administrator",
};

/** The roles' names, known ones first in alphabetical order, then how many others. */
export function directoryRoleNames(templateIds: readonly string[]): string[] {
  const known = templateIds.flatMap((id) => ROLE_NAMES[id.toLowerCase()] ?? []).sort();
  const others = templateIds.length - known.length;
  return others > 0 ? [...known, others === 1 ? "1 other directory role" : `${others} other directory roles`] : known;
}
