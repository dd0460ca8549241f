"use client";
import { useState } from "react";

export function PackageExportForm({ regions }: { regions: { id: number; name: string }[] }) {
  const [region, setRegion] = useState("");
  return (
    <div className="form-row" data-testid="package-export">
      <label>
        地区
        <select value={region} onChange={(e) => setRegion(e.target.value)}>
          <option value="">全部单位</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </select>
      </label>
      <a className="button" href={`/api/export/package${region ? `?region=${region}` : ""}`} download>
        下载数据包
      </a>
    </div>
  );
}
