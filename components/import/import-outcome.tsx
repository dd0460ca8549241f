import Link from "next/link";
import { msg } from "@/lib/messages";

/** The headings over ImportOutcomeCells. */
export function ImportOutcomeHeads() {
  return (
    <>
      <th>{msg.common.result}</th>
      <th>{msg.common.detail}</th>
    </>
  );
}

/**
 * What became of one imported file, as the batch results and the recent-imports log both show it:
 * a badge (新增 / 更新 / 失败), then the message and, when a report was saved, a link to it.
 */
export function ImportOutcomeCells({
  status,
  message,
  reportId,
}: {
  status: "created" | "updated" | "failed";
  message: string;
  reportId?: number | null;
}) {
  return (
    <>
      <td>
        <span className={`badge ${status}`}>{msg.import.status[status]}</span>
      </td>
      <td>
        {message}
        {reportId && (
          <>
            {" "}
            <Link href={`/reports/${reportId}`}>{msg.common.viewReport}</Link>
          </>
        )}
      </td>
    </>
  );
}
