/** What kind of body an agency name denotes, for agencies first seen in an import. */
export type AgencyKindGuess = "government" | "department" | "township";

export function inferAgencyKind(name: string): AgencyKindGuess {
  if (/(乡|镇|街道|街道办事处|苏木)(人民政府)?$/.test(name)) return "township";
  if (/(局|委员会|委|办公室|办|厅|署|院|中心|所|站|队|部|会)$/.test(name) && !/(管委会|管理委员会)$/.test(name)) return "department";
  return "government";
}

export const AGENCY_KIND_LABELS: Record<AgencyKindGuess, string> = {
  government: "人民政府",
  department: "政府部门",
  township: "乡镇（街道）",
};

export const REGION_LEVEL_LABELS: Record<string, string> = {
  province: "省级",
  city: "市级",
  county: "县级",
  township: "乡级",
};
