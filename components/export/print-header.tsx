import { formatDateTime } from "@/lib/format";

/** The header every printed page of a report carries: 机关名称 / 年度 / 生成时间. */
export function PrintHeader({ agency, years }: { agency: string; years: string }) {
  return (
    <div className="print-only print-header" data-testid="print-header">
      <span>机关名称：{agency}</span>
      <span>年度：{years}</span>
      <span>生成时间：{formatDateTime(new Date())}</span>
    </div>
  );
}
