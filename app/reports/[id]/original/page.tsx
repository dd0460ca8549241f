import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/index";
import { getCell, getReportSource } from "@/db/queries/reports";
import { msg } from "@/lib/messages";
import { describeCell, cellKeys } from "@/lib/report/cell-keys";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const m = msg.reportPage.original;
const CELL_KEYS = new Set([...cellKeys("2021"), ...cellKeys("2019")]);
const params = z.object({ id: z.coerce.number().int().positive() });
const search = z.object({
  cell: z
    .string()
    .max(80)
    .refine((k) => CELL_KEYS.has(k))
    .optional()
    .catch(undefined),
});

/**
 * The report's source text inside the site, with the line a cell was read from marked and scrolled
 * to (links carry #L{n}): 查看原文 from a cell or a chart point lands here, and 返回报告 goes back to the cell.
 * The text is shown as text (imported HTML is never rendered as HTML).
 */
export default async function OriginalPage(props: {
  params: Promise<Record<string, string>>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireReader();
  const p = params.safeParse(await props.params);
  if (!p.success) notFound();
  const { cell } = search.parse(await props.searchParams);
  const db = await getDb();
  const [source, located] = await Promise.all([getReportSource(db, p.data.id), cell ? getCell(db, p.data.id, cell) : null]);
  if (!source) notFound();
  const lines = source.text.split("\n");
  const at = located?.source.at ?? located?.source.line;
  const target = at && at >= 1 && at <= lines.length ? at : null;
  const back = `/reports/${p.data.id}${cell ? `?cell=${encodeURIComponent(cell)}` : ""}`;
  return (
    <>
      <p className="small">
        <Link href={back} data-testid="original-back">
          {cell ? m.backToCell(describeCell(cell)) : m.back}
        </Link>{" "}
        · <a href={`/reports/${p.data.id}/source`}>{m.plainText}</a>
      </p>
      <h1>{m.title(source.agency, source.year)}</h1>
      <p className="muted">{m.file(source.name)}</p>
      {cell && located && (
        <p className={target ? "alert ok" : "alert warn"} data-testid="original-cell">
          {target ? m.marked(describeCell(cell), located.raw || msg.common.blank) : m.notLocated(describeCell(cell))}
        </p>
      )}
      <div className="card original-text">
        <ol>
          {lines.map((text, i) => {
            const n = i + 1;
            return (
              <li
                key={n}
                id={`L${n}`}
                className={n === target ? "marked" : undefined}
                aria-label={n === target ? m.lineLabel(n) : undefined}
                aria-current={n === target ? "location" : undefined}
              >
                {text || "\u00a0"}
              </li>
            );
          })}
        </ol>
      </div>
    </>
  );
}
