"use client";
import { useActionState } from "react";
import { importPackageAction } from "./actions";

const STATUS = { created: "新增", updated: "更新", failed: "失败" } as const;

export function PackageImportForm() {
  const [state, action, pending] = useActionState(importPackageAction, null);
  return (
    <form action={action} className="stack" data-testid="package-import">
      <label>
        数据包（.zip）
        <input type="file" name="package" accept=".zip,application/zip" required />
      </label>
      <button type="submit" disabled={pending}>{pending ? "导入中…" : "导入数据包"}</button>
      {state && !state.ok && <div className="alert error">{state.error}</div>}
      {state?.ok && (
        <div role="status">
          <p>
            共 {state.rows.length} 份：新增 {state.rows.filter((r) => r.status === "created").length}，更新 {state.rows.filter((r) => r.status === "updated").length}，失败{" "}
            {state.rows.filter((r) => r.status === "failed").length}
          </p>
          <ul>
            {state.rows.filter((r) => r.status === "failed").map((r) => (
              <li key={r.name}>{r.name}：{STATUS[r.status]}，{r.message}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
