import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/index";
import { getScoreSheet } from "@/db/queries/scoring";
import { getRubric } from "@/db/queries/rubrics";
import { agencyTarget } from "@/db/queries/users";
import { requireReader } from "@/app/session";
import { ScoreHistory } from "./score-history";
import { can } from "@/lib/auth/permissions";
import { describeCell } from "@/lib/report/cell-keys";
import { formatDateTime, formatNumber } from "@/lib/format";
import { msg } from "@/lib/messages";
import type { EvidenceRef } from "@/lib/scoring/score";
import { EntryForm } from "./entry-form";

export const dynamic = "force-dynamic";

const m = msg.scoring;
const paramsSchema = z.object({ agencyId: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100) });
const searchSchema = z.object({
  rubric: z.coerce.number().int().positive().default(1).catch(1),
  version: z.coerce.number().int().positive().optional().catch(undefined),
});

function Evidence({ e }: { e: EvidenceRef }) {
  switch (e.kind) {
    case "date":
      return <Link href={`/reports/${e.reportId}`}>{m.sheet.published(e.publishedOn, e.deadline)}</Link>;
    case "finding":
      return (
        <Link
          href={`/reports/${e.reportId}${e.cell ? `?cell=${encodeURIComponent(e.cell)}` : ""}${e.n ? `#finding-${e.n}` : ""}`}
          data-testid="evidence-finding"
        >
          {e.n ? `[${e.n}] ` : ""}
          {e.message}
        </Link>
      );
    case "cell":
      return (
        <Link href={`/reports/${e.reportId}?cell=${encodeURIComponent(e.key)}`} data-testid="evidence-cell">
          {describeCell(e.key)}：{e.value === null ? msg.common.blank : formatNumber(e.value)}
        </Link>
      );
    case "report":
      return <Link href={`/reports/${e.reportId}`}>{m.sheet.previous(e.year)}</Link>;
  }
}

export default async function ScoreSheetPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencyId: string; year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireReader();
  const p = paramsSchema.safeParse(await params);
  if (!p.success) notFound();
  const s = searchSchema.parse(await searchParams);
  const db = await getDb();
  const rubric = await getRubric(db, s.rubric, s.version);
  if (!rubric) notFound();
  const [sheet, user] = await Promise.all([getScoreSheet(db, p.data.agencyId, p.data.year, rubric), requireReader()]);
  if (!sheet) notFound();
  const { agency, result, score, history, evidence } = sheet;
  const editable = evidence !== null && can(user, "score", await agencyTarget(db, agency.id));
  const names = new Map(rubric.definition.indicators.map((x) => [x.id, x.name]));
  const labels = {
    enter: m.sheet.enter,
    override: m.sheet.override,
    clear: m.sheet.clear,
    clearManual: m.sheet.clearManual,
    reason: m.sheet.reason,
    save: m.sheet.save,
    saving: m.sheet.saving,
  };
  const points = (v: number | null) => (v === null ? "—" : formatNumber(v));

  return (
    <>
      <p className="muted">
        <Link href={`/scoring?year=${p.data.year}&rubric=${rubric.id}&version=${rubric.version}`}>{m.title}</Link> /{" "}
        <Link href={`/agencies/${agency.id}`}>{agency.name}</Link>
      </p>
      <h1>{m.sheet.title(agency.name, p.data.year)}</h1>
      <div className="card">
        <dl className="meta">
          <dt>{msg.scoringPage.rubric}</dt>
          <dd>
            <Link href={`/scoring/rubrics/${rubric.id}?version=${rubric.version}`}>{m.sheet.rubric(rubric.name, rubric.version)}</Link>
          </dd>
          <dt>{msg.scoringPage.total}</dt>
          <dd data-testid="sheet-total">
            <strong>{m.sheet.total(result.total, result.max)}</strong>
          </dd>
          <dt>{msg.scoringPage.status}</dt>
          <dd data-testid="sheet-status">
            {result.complete
              ? m.sheet.complete
              : result.total === null
                ? m.missing.no_report
                : m.unrankedWhy(result.missing.map((x) => `${m.missing[x.reason]}（${x.name}）`))}
          </dd>
          <dt>{msg.scoringPage.report}</dt>
          <dd>
            {evidence ? (
              <Link href={`/reports/${evidence.reportId}`}>{m.sheet.openReport}</Link>
            ) : (
              <span className="muted">{m.sheet.noReport}</span>
            )}
          </dd>
          <dt>{msg.scoringPage.history}</dt>
          <dd className="muted">{score ? `${m.sheet.saved(formatDateTime(score.updatedAt))}（${score.updatedBy}）` : m.sheet.notSaved}</dd>
        </dl>
      </div>

      <div className="card" style={{ overflowX: "auto" }}>
        <table className="list" data-testid="score-sheet">
          <thead>
            <tr>
              <th>{msg.common.indicator}</th>
              <th>{msg.common.method}</th>
              <th>{msg.scoringPage.score}</th>
              <th>{m.sheet.evidence}</th>
              {editable && <th />}
            </tr>
          </thead>
          <tbody>
            {result.items.map((i) => (
              <tr key={i.indicatorId} data-indicator={i.indicatorId}>
                <td>
                  {i.name}
                  <div className="muted" style={{ fontSize: "0.8rem" }}>
                    {i.indicatorId}
                    {msg.scoringPage.maxSuffix}
                    {formatNumber(i.max)}
                  </div>
                </td>
                <td>{m.method[i.method]}</td>
                <td data-testid="item-points">
                  <strong>{points(i.points)}</strong>
                  {i.method === "override" && (
                    <div className="muted" style={{ fontSize: "0.8rem" }}>
                      {m.sheet.auto} {points(i.autoPoints)}
                    </div>
                  )}
                </td>
                <td style={{ fontSize: "0.9rem" }}>
                  <div className={i.missing ? "error-text" : "muted"}>{i.missing ? `${m.missing[i.missing]}：${i.note}` : i.note}</div>
                  {i.evidence.length > 0 && (
                    <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
                      {i.evidence.map((e, k) => (
                        <li key={k}>
                          <Evidence e={e} />
                        </li>
                      ))}
                    </ul>
                  )}
                  {i.entry && (
                    <div className="muted" style={{ fontSize: "0.8rem" }}>
                      {i.entry.by} · {formatDateTime(i.entry.at)}
                      {i.entry.reason && `：${i.entry.reason}`}
                    </div>
                  )}
                </td>
                {editable && (
                  <td>
                    <EntryForm
                      agencyId={agency.id}
                      year={p.data.year}
                      rubricId={rubric.id}
                      rubricVersion={rubric.version}
                      indicatorId={i.indicatorId}
                      name={i.name}
                      max={i.max}
                      manual={rubric.definition.indicators.find((x) => x.id === i.indicatorId)?.method.kind === "manual"}
                      entered={i.entry !== null}
                      current={i.points}
                      labels={labels}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {!editable && evidence && (
          <p className="muted">{user ? msg.auth.refused.role("score") : msg.scoringPage.signInToScore(msg.auth.signInRequired)}</p>
        )}
      </div>

      <ScoreHistory history={history} names={names} />
    </>
  );
}
