"use client";
import { useState } from "react";

import { msg } from "@/lib/messages";
import { NamedOptions } from "@/components/form/named-options";

export function PackageExportForm({ regions }: { regions: { id: number; name: string }[] }) {
  const [region, setRegion] = useState("");
  return (
    <div className="form-row" data-testid="package-export">
      <label>
        {msg.common.region}
        <select value={region} onChange={(e) => setRegion(e.target.value)}>
          <option value="">{msg.exportPage.allAgencies}</option>
          <NamedOptions items={regions} />
        </select>
      </label>
      <a className="button" href={`/api/export/package${region ? `?region=${region}` : ""}`} download>
        {msg.exportPage.downloadPackage}
      </a>
    </div>
  );
}
