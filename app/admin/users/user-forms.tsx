"use client";
import { useActionState } from "react";
import { createUserAction, updateUserAction } from "./actions";

import { msg } from "@/lib/messages";
import { NamedOptions } from "@/components/form/named-options";
import { FormStatus } from "@/components/form/form-status";

const ROLE_OPTIONS = [
  ["viewer", msg.roles.viewer],
  ["filer", msg.roles.filer],
  ["assessor", msg.roles.assessor],
  ["admin", msg.roles.admin],
] as const;

type Option = { id: number; name: string };

function Scope({
  regions,
  agencies,
  regionId,
  agencyIds,
}: {
  regions: Option[];
  agencies: Option[];
  regionId?: number | null;
  agencyIds?: number[];
}) {
  return (
    <>
      <label>
        {msg.admin.scopeRegion}
        <select name="scopeRegionId" defaultValue={regionId ?? ""}>
          <option value="">{msg.common.none}</option>
          <NamedOptions items={regions} />
        </select>
      </label>
      <label>
        {msg.admin.scopeAgency}
        <select
          multiple
          size={3}
          defaultValue={(agencyIds ?? []).map(String)}
          onChange={(e) => {
            const hidden = e.currentTarget.form?.elements.namedItem("agencyIds") as HTMLInputElement | null;
            if (hidden) hidden.value = [...e.currentTarget.selectedOptions].map((o) => o.value).join(",");
          }}
          aria-label={msg.admin.scopeAgency}
        >
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <input type="hidden" name="agencyIds" defaultValue={(agencyIds ?? []).join(",")} />
      </label>
    </>
  );
}

function RoleSelect({ defaultValue }: { defaultValue: string }) {
  return (
    <label>
      {msg.common.role}
      <select name="role" defaultValue={defaultValue}>
        {ROLE_OPTIONS.map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CreateUserForm({ regions, agencies }: { regions: Option[]; agencies: Option[] }) {
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <form action={action} className="form-row" data-testid="create-user">
      <label>
        {msg.common.username}
        <input type="text" name="username" required size={12} />
      </label>
      <label>
        {msg.admin.name}
        <input type="text" name="displayName" required size={10} />
      </label>
      <label>
        {msg.admin.initialPassword}
        <input type="password" name="password" required minLength={8} size={12} />
      </label>
      <RoleSelect defaultValue="viewer" />
      <Scope regions={regions} agencies={agencies} />
      <button type="submit" disabled={pending}>
        {msg.admin.createUser}
      </button>
      <FormStatus status={state && { ok: state.ok, text: state.ok ? state.message : state.error }} />
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
      <RoleSelect defaultValue={user.role} />
      <Scope regions={regions} agencies={agencies} regionId={user.scopeRegionId} agencyIds={user.agencyIds} />
      <label>
        {msg.admin.resetPassword}
        <input type="password" name="password" size={10} placeholder={msg.admin.keepBlank} />
      </label>
      <label style={{ flexDirection: "row", alignItems: "center" }}>
        <input type="checkbox" name="disabled" defaultChecked={user.disabled} />
        {msg.admin.disabled}
      </label>
      <button type="submit" disabled={pending}>
        {msg.admin.save}
      </button>
      <FormStatus status={state && { ok: state.ok, text: state.ok ? state.message : state.error }} />
    </form>
  );
}
