import { formatDateTime } from "@/lib/format";

import { msg } from "@/lib/messages";

/** The header every printed page of a report carries: 机关名称 / 年度 / 生成时间. */
export function PrintHeader({ agency, years }: { agency: string; years: string }) {
  return (
    <div className="print-only print-header" data-testid="print-header">
      <span>
        {msg.chartExport.printAgency}
        {agency}
      </span>
      <span>
        {msg.chartExport.printYear}
        {years}
      </span>
      <span>
        {msg.chartExport.printAt}
        {formatDateTime(new Date())}
      </span>
    </div>
  );
}
