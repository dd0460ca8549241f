/** What kind of body an agency name denotes, for agencies first seen in an import. */
/** Agency kinds and region levels: declared once here; db/schema.ts, the URL schemas and the pickers import them. */
export const AGENCY_KINDS = ["government", "department", "township"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const REGION_LEVELS = ["province", "city", "county", "township"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export type AgencyKindGuess = AgencyKind;

export function inferAgencyKind(name: string): AgencyKindGuess {
  if (/(乡|镇|街道|街道办事处|苏木)(人民政府)?$/.test(name)) return "township";
  if (/(局|委员会|委|办公室|办|厅|署|院|中心|所|站|队|部|会)$/.test(name) && !/(管委会|管理委员会)$/.test(name)) return "department";
  return "government";
}
