import type { ConsentRole } from "@/components/grant-consent-steps";

/**
 * Directory roles that may grant tenant-wide admin consent to Microsoft Graph delegated permissions: Global
 * Administrator and Privileged Role Administrator (Cloud Application Administrators cannot, for Graph). Template ids.
 */
const CONSENT_ADMIN_ROLE_IDS = ["62e90394-69f5-4237-9190-012177145e10", "e8611ab8-c189-46e8-94e1-60213ab1f814"];

/** From the caller's active roles as Graph reported them (`/api/access`); null when Graph would not say. */
export function consentRoleOf(directoryRoles: readonly string[] | null | undefined): ConsentRole {
  if (!directoryRoles) return null;
  return directoryRoles.some((id) => CONSENT_ADMIN_ROLE_IDS.includes(id.toLowerCase()));
}
