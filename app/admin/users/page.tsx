import { getDb } from "@/db/index";
import { listUsers } from "@/db/queries/users";
import { listRegions } from "@/db/queries/regions";
import { listAgenciesWithYears } from "@/db/queries/agencies";
import { ROLE_LABELS, roleMay } from "@/lib/auth/permissions";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";
import { CreateUserForm, EditUserForm } from "./user-forms";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const me = await requireReader();
  if (!roleMay(me, "manage_users"))
    return <div className="card">{me ? msg.auth.refused.role("manage_users") : msg.auth.signInRequired}</div>;
  const db = await getDb();
  const [users, regions, agencies] = await Promise.all([listUsers(db), listRegions(db), listAgenciesWithYears(db)]);
  const regionOptions = regions.map((r) => ({ id: r.id, name: `${"　".repeat(r.path.split("/").filter(Boolean).length)}${r.name}` }));
  const agencyOptions = agencies.map((a) => ({ id: a.id, name: a.name }));
  return (
    <>
      <h1>{msg.admin.usersTitle}</h1>
      <p className="muted">{msg.admin.usersIntro}</p>
      <div className="card">
        <h2 style={{ marginTop: 0 }}>{msg.admin.newUser}</h2>
        <CreateUserForm regions={regionOptions} agencies={agencyOptions} />
      </div>
      <table className="list" data-testid="users">
        <thead>
          <tr>
            <th>{msg.common.user}</th>
            <th>{msg.admin.rolesAndScope}</th>
            <th>{msg.admin.edit}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.displayName}
                <div className="muted">
                  {u.username}
                  {u.disabled && msg.admin.disabledSuffix}
                </div>
              </td>
              <td>
                {ROLE_LABELS[u.role]}
                <div className="muted" style={{ fontSize: "0.85rem" }}>
                  {[
                    u.scopeRegion && msg.admin.regionScope(u.scopeRegion),
                    u.agencies.length > 0 && msg.admin.agencyScope(u.agencies.join("、")),
                  ]
                    .filter(Boolean)
                    .join("；") || msg.admin.noScope}
                </div>
              </td>
              <td>
                <EditUserForm user={u} regions={regionOptions} agencies={agencyOptions} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
