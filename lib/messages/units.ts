/** Units of amounts on axes and in figures (万, 亿, 万元, 百分点). */
export const unitsMsg = {
  hundredMillion: (p0: string) => `${p0}亿`,
  tenThousand: (p0: string) => `${p0}万`,
  hundredMillionYuanOf: (p0: string) => `${p0}亿元`,
  tenThousandYuanOf: (p0: string) => `${p0}万元`,
  percentagePoints: (sign: string, p1: string) => `${sign}${p1}个百分点`,
  hundredMillionYuan: "亿元",
  hundredMillionOf: (unit: string) => `亿${unit}`,
  tenThousandOf: (unit: string) => `万${unit}`,
  tenThousandYuan: "万元",
};
