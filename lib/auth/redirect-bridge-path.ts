/** Path of the MSAL v5 redirect bridge page, used by silent (iframe) renewals. Apart so proxy.ts needs no MSAL. */
export const REDIRECT_BRIDGE_PATH = "/redirect";
