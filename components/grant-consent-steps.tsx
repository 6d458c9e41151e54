/** How an administrator grants a missing delegated permission, in the Entra admin center's own words. */
export function GrantConsentSteps({ permission }: { permission: string }) {
  return (
    <div className="mt-1 space-y-1">
      <p>
        This app has not been granted the Microsoft Graph delegated permission <code className="rounded bg-white/70 px-1 font-mono">{permission}</code>.
      </p>
      <p>
        To grant it, an administrator opens the Microsoft Entra admin center → App registrations → Request Desk → API
        permissions → Add a permission → Microsoft Graph → Delegated permissions → {permission}, then selects{" "}
        <strong>Grant admin consent</strong>. Sign out and in again afterwards.
      </p>
    </div>
  );
}
