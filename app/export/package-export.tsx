"use client";
import { useState } from "react";

import { msg } from "@/lib/messages";

export function PackageExportForm({ regions }: { regions: { id: number; name: string }[] }) {
  const [region, setRegion] = useState("");
  return (
    <div className="form-row" data-testid="package-export">
      <label>
        {msg.common.region}
        <select value={region} onChange={(e) => setRegion(e.target.value)}>
          <option value="">{msg.exportPage.allAgencies}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <a className="button" href={`/api/export/package${region ? `?region=${region}` : ""}`} download>
        {msg.exportPage.downloadPackage}
      </a>
    </div>
  );
}
