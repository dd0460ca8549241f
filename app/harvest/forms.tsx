"use client";
import { useActionState } from "react";
import { msg } from "@/lib/messages";
import { importSourcesAction, saveSourceAction, startHarvestAction } from "./actions";

const say = msg.harvest;

function Result({ state, testId }: { state: { ok: boolean; message?: string; error?: string } | null; testId: string }) {
  if (!state) return null;
  return (
    <p className={`alert ${state.ok ? "ok" : "error"}`} role="status" data-testid={testId}>
      {state.ok ? state.message : state.error}
    </p>
  );
}

export function SourcesUpload({ regionId }: { regionId: number | null }) {
  const [state, action, pending] = useActionState(importSourcesAction, null);
  return (
    <form action={action} data-testid="sources-upload">
      <input type="hidden" name="regionId" value={regionId ?? ""} />
      <p className="small muted">{say.sources.uploadHint}</p>
      <div className="form-row">
        <label>
          {say.sources.upload}
          <input type="file" name="sheet" accept=".csv,.xlsx,text/csv" required />
        </label>
        <button type="submit" disabled={pending}>
          {say.sources.uploadButton}
        </button>
      </div>
      <Result state={state} testId="sources-upload-result" />
    </form>
  );
}

export function StartHarvest({ regionId, disabled }: { regionId: number | null; disabled: boolean }) {
  const [state, action, pending] = useActionState(startHarvestAction, null);
  return (
    <form action={action} className="form-row" data-testid="start-harvest">
      <input type="hidden" name="regionId" value={regionId ?? ""} />
      <button type="submit" disabled={pending || disabled}>
        {say.run.start}
      </button>
      <Result state={state} testId="start-harvest-result" />
    </form>
  );
}

export function SourceForm({ agencyId, listUrl }: { agencyId: number; listUrl: string | null }) {
  const [state, action, pending] = useActionState(saveSourceAction, null);
  return (
    <form action={action} className="form-row" data-testid="source-form">
      <input type="hidden" name="agencyId" value={agencyId} />
      <label style={{ flex: "1 1 20rem" }}>
        {say.sources.listUrl}
        <input type="text" name="listUrl" defaultValue={listUrl ?? ""} placeholder="https://" inputMode="url" />
      </label>
      <button type="submit" disabled={pending}>
        {say.sources.save}
      </button>
      <Result state={state} testId="source-form-result" />
    </form>
  );
}
