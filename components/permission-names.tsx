/** Graph permission names as code, comma-separated, on a notice's tinted background or a plain one. */
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
