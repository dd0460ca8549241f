import { REGION_LEVELS } from "@/lib/report/agency";
import { msg } from "@/lib/messages";
import { NamedOptions, pathDepth } from "@/components/form/named-options";

/** A region as the pickers list it: its place in the tree shows as indentation. */
export interface RegionOption {
  id: number;
  name: string;
  path: string;
}

/** The region picker of the filter forms (findings, scoring, compare, coverage): `region` in the URL. */
export function RegionSelect({
  regions,
  value,
  label,
  allLabel,
}: {
  regions: readonly RegionOption[];
  value: number | string | undefined | null;
  label: string;
  allLabel: string;
}) {
  return (
    <label>
      {label}
      <select name="region" defaultValue={value ? String(value) : ""}>
        <option value="">{allLabel}</option>
        <NamedOptions items={regions} depthOf={(r) => pathDepth(r.path)} />
      </select>
    </label>
  );
}

/** The region-level picker beside it: `level` in the URL. */
export function LevelSelect({ value, label, anyLabel }: { value: string | undefined | null; label: string; anyLabel: string }) {
  return (
    <label>
      {label}
      <select name="level" defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {REGION_LEVELS.map((l) => (
          <option key={l} value={l}>
            {msg.regionLevels[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
