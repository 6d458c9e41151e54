import { GLOBAL_ADMINISTRATOR, PRIVILEGED_ROLE_ADMINISTRATOR } from "./built-in-roles";

/**
 * The built-in Entra roles Request Desk's rules mention, by name, with their template ids (the same in every tenant;
 * Microsoft Entra built-in roles reference). Graph reports a user's roles by these ids.
 */
export const BUILT_IN_ROLES = {
  "Global Administrator": GLOBAL_ADMINISTRATOR,
  "Privileged Role Administrator": PRIVILEGED_ROLE_ADMINISTRATOR,
  "Identity Governance Administrator": "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e",
  "Groups Administrator": "fdd7a751-b60b-444a-984c-02652fe8fa1c",
  "User Administrator": "fe930be7-5e62-47db-91af-98c3a49a38b1",
  "Directory Writers": "9360feb5-f418-4baa-8175-e2a00bac4301",
  "Global Reader": "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
  "Security Reader": "5d6b6bb7-de71-4623-b4af-96380a352509",
  "Security Operator": "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f",
  "Security Administrator": "194ae4cb-b126-40b2-bd5b-6091b380977d",
} as const;

export type BuiltInRoleName = keyof typeof BUILT_IN_ROLES;
