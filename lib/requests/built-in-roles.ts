/**
 * The two built-in Entra roles that decide most of Request Desk's rules (template ids, the same in every tenant;
 * Microsoft Entra built-in roles reference): they alone ship with the dashboard's first load. The full table of the
 * roles the app names is in built-in-role-table.ts.
 */
export const GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
export const PRIVILEGED_ROLE_ADMINISTRATOR = "e8611ab8-c189-46e8-94e1-60213ab1f814";
