"use client";
import { useActionState } from "react";
import { importPackageAction } from "./actions";

import { msg } from "@/lib/messages";

const STATUS = { created: msg.common.created, updated: msg.exportPage.updated, failed: msg.common.failed } as const;

export function PackageImportForm() {
  const [state, action, pending] = useActionState(importPackageAction, null);
  return (
    <form action={action} className="stack" data-testid="package-import">
      <label>
        {msg.exportPage.packageFile}
        <input type="file" name="package" accept=".zip,application/zip" required />
      </label>
      <button type="submit" disabled={pending}>
        {pending ? msg.common.importing : msg.exportPage.importPackage}
      </button>
      {state && !state.ok && <div className="alert error">{state.error}</div>}
      {state?.ok && (
        <div role="status">
          <p>
            {msg.exportPage.packageSummary(
              state.rows.length,
              state.rows.filter((r) => r.status === "created").length,
              state.rows.filter((r) => r.status === "updated").length,
            )}
            {state.rows.filter((r) => r.status === "failed").length}
          </p>
          <ul>
            {state.rows
              .filter((r) => r.status === "failed")
              .map((r) => (
                <li key={r.name}>
                  {r.name}：{STATUS[r.status]}，{r.message}
                </li>
              ))}
          </ul>
        </div>
      )}
    </form>
  );
}
