/** How agency kinds and region levels read (the values are declared in lib/report/agency.ts). */
export const agencyKindLabels: Record<string, string> = { government: "人民政府", department: "政府部门", township: "乡镇（街道）" };
export const regionLevelLabels: Record<string, string> = { province: "省级", city: "市级", county: "县级", township: "乡级" };
