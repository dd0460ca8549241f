/** Dates as people read them. */
export const formatsMsg = {
  dateParts: (p0: string, p1: number, p2: number) => `${p0}年${p1}月${p2}日`,
  dateTime: (y: string, m: string, d: string, hh: string, mm: string) => `${y}年${m}月${d}日 ${hh}:${mm}`,
  date: (y: string, m: string, d: string) => `${y}年${m}月${d}日`,
};
