import { AdminConsentReturn } from "./admin-consent-return";

// Where Entra's admin-consent endpoint sends the administrator back. Outside the app's providers: MSAL must not
// read this answer as one of its own.
export default function AdminConsentPage() {
  return <AdminConsentReturn />;
}
