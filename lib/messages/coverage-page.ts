/** Coverage (/coverage) and its download. */
export const coveragePageMsg = {
  daysLate: "逾期天数",
  link: "链接",
  yearSuffix: " 年度",
};
