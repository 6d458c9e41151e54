import type { ConsentRole } from "@/components/grant-consent-steps";
// The two ids alone: the dashboard's first load carries these, not the whole role table.
import { GLOBAL_ADMINISTRATOR, PRIVILEGED_ROLE_ADMINISTRATOR } from "@/lib/requests/built-in-roles";

/**
 * Directory roles that may grant tenant-wide admin consent to Microsoft Graph delegated permissions: Global
 * Administrator and Privileged Role Administrator (Cloud Application Administrators cannot, for Graph).
 */
const CONSENT_ADMIN_ROLE_IDS: readonly string[] = [GLOBAL_ADMINISTRATOR, PRIVILEGED_ROLE_ADMINISTRATOR];

/** From the caller's active roles as Graph reported them (`/api/access`); null when Graph would not say. */
export function consentRoleOf(directoryRoles: readonly string[] | null | undefined): ConsentRole {
  if (!directoryRoles) return null;
  return directoryRoles.some((id) => CONSENT_ADMIN_ROLE_IDS.includes(id.toLowerCase()));
}
