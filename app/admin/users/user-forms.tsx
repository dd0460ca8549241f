"use client";
import { useActionState } from "react";
import { createUserAction, updateUserAction } from "./actions";

const ROLE_OPTIONS = [
  ["viewer", "查看者"],
  ["filer", "填报人"],
  ["assessor", "评估员"],
  ["admin", "管理员"],
] as const;

type Option = { id: number; name: string };

function Scope({ regions, agencies, regionId, agencyIds }: { regions: Option[]; agencies: Option[]; regionId?: number | null; agencyIds?: number[] }) {
  return (
    <>
      <label>
        范围：地区（含下级）
        <select name="scopeRegionId" defaultValue={regionId ?? ""}>
          <option value="">无</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </select>
      </label>
      <label>
        范围：单位
        <select
          multiple
          size={3}
          defaultValue={(agencyIds ?? []).map(String)}
          onChange={(e) => {
            const hidden = e.currentTarget.form?.elements.namedItem("agencyIds") as HTMLInputElement | null;
            if (hidden) hidden.value = [...e.currentTarget.selectedOptions].map((o) => o.value).join(",");
          }}
          aria-label="范围：单位"
        >
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
        </select>
        <input type="hidden" name="agencyIds" defaultValue={(agencyIds ?? []).join(",")} />
      </label>
    </>
  );
}

export function CreateUserForm({ regions, agencies }: { regions: Option[]; agencies: Option[] }) {
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <form action={action} className="form-row" data-testid="create-user">
      <label>
        用户名
        <input type="text" name="username" required size={12} />
      </label>
      <label>
        姓名
        <input type="text" name="displayName" required size={10} />
      </label>
      <label>
        初始密码
        <input type="password" name="password" required minLength={8} size={12} />
      </label>
      <label>
        角色
        <select name="role" defaultValue="viewer">
          {ROLE_OPTIONS.map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </select>
      </label>
      <Scope regions={regions} agencies={agencies} />
      <button type="submit" disabled={pending}>创建用户</button>
      {state && <span className={state.ok ? "ok-text" : "error-text"} role="status">{state.ok ? state.message : state.error}</span>}
    </form>
  );
}

export function EditUserForm({
  user,
  regions,
  agencies,
}: {
  user: { id: number; role: string; scopeRegionId: number | null; agencyIds: number[]; disabled: boolean };
  regions: Option[];
  agencies: Option[];
}) {
  const [state, action, pending] = useActionState(updateUserAction, null);
  return (
    <form action={action} className="form-row" data-testid={`edit-user-${user.id}`}>
      <input type="hidden" name="id" value={user.id} />
      <label>
        角色
        <select name="role" defaultValue={user.role}>
          {ROLE_OPTIONS.map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </select>
      </label>
      <Scope regions={regions} agencies={agencies} regionId={user.scopeRegionId} agencyIds={user.agencyIds} />
      <label>
        重设密码
        <input type="password" name="password" size={10} placeholder="不改留空" />
      </label>
      <label style={{ flexDirection: "row", alignItems: "center" }}>
        <input type="checkbox" name="disabled" defaultChecked={user.disabled} /> 停用
      </label>
      <button type="submit" disabled={pending}>保存</button>
      {state && <span className={state.ok ? "ok-text" : "error-text"} role="status">{state.ok ? state.message : state.error}</span>}
    </form>
  );
}
