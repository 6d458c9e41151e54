/** Permission names as code, comma-separated, on a notice's tinted background or a plain one. */
export function PermissionNames({ permissions, plain = false }: { permissions: readonly string[]; plain?: boolean }) {
  return (
    <>
      {permissions.map((permission, index) => (
        <span key={permission}>
          {index > 0 && ", "}
          <code className={`rounded px-1 font-mono ${plain ? "bg-slate-100" : "bg-white/70"}`}>{permission}</code>
        </span>
      ))}
    </>
  );
}

/**
 * "the Microsoft Graph delegated permissions A, B and the Azure Resource Manager delegated permission C": the app
 * keeps Graph's permissions short (`User.Read`) and ARM's fully qualified (`<ARM resource>/user_impersonation`), so
 * a qualified name is ARM's.
 */
export function DelegatedPermissions({ permissions, plain = false }: { permissions: readonly string[]; plain?: boolean }) {
  const graph = permissions.filter((p) => !p.includes("/"));
  const arm = permissions.filter((p) => p.includes("/"));
  const part = (api: string, names: string[]) => (
    <>
      the {api} delegated {names.length === 1 ? "permission" : "permissions"} <PermissionNames permissions={names} plain={plain} />
    </>
  );
  return (
    <>
      {graph.length > 0 && part("Microsoft Graph", graph)}
      {graph.length > 0 && arm.length > 0 && " and "}
      {arm.length > 0 && part("Azure Resource Manager", arm)}
    </>
  );
}
