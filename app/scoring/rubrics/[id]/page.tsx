import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/index";
import { getRubric, listRubricVersions } from "@/db/queries/rubrics";
import { requireReader } from "@/app/session";
import { roleMay } from "@/lib/auth/permissions";
import { ruleById } from "@/lib/checks/rules";
import { describeCell } from "@/lib/report/cell-keys";
import { formatDateTime, formatNumber } from "@/lib/format";
import { isWebUrl, maxTotal, type Method } from "@/lib/scoring/rubric";
import { msg } from "@/lib/messages";
import { idParam, optionalId } from "@/app/params";

export const dynamic = "force-dynamic";
const m = msg.scoring;

function describeMethod(x: Method): string {
  switch (x.kind) {
    case "deadline":
      return msg.scoringPage.deadlineMethod(x.deduct);
    case "findings":
      return msg.scoringPage.findingsMethod(
        x.deduct,
        x.rules.map((r) => ruleById(r)?.title ?? r).join("；"),
        x.needsTables ? msg.scoringPage.needsTables : "",
        x.needsPrevious ? msg.scoringPage.noPenaltyWithoutPrevious : "",
      );
    case "cells":
      return msg.scoringPage.cellsMethod(x.deduct, x.keys.map(describeCell).join(" + "));
    case "manual":
      return x.guide || msg.scoringPage.manualMethod;
  }
}

export default async function RubricPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireReader();
  const id = await idParam(params);
  const version = optionalId((await searchParams).version);
  const db = await getDb();
  const [rubric, versions, user] = await Promise.all([getRubric(db, id, version), listRubricVersions(db, id), requireReader()]);
  if (!rubric) notFound();
  const latest = versions[0]?.version === rubric.version;
  return (
    <>
      <p className="muted">
        <Link href="/scoring">{m.title}</Link> / <Link href="/scoring/rubrics">{m.rubrics.title}</Link>
      </p>
      <h1>{m.sheet.rubric(rubric.name, rubric.version)}</h1>
      <p className="muted">{rubric.definition.description}</p>
      <p>
        {m.rubrics.maxTotal(maxTotal(rubric.definition))} · {m.rubrics.createdBy(rubric.createdBy, formatDateTime(rubric.createdAt))}
        {latest && roleMay(user, "manage_rubrics") && (
          <>
            {" · "}
            <Link href={`/scoring/rubrics/${rubric.id}/edit`}>{m.rubrics.edit}</Link>
          </>
        )}
        {" · "}
        <Link href={`/scoring?rubric=${rubric.id}&version=${rubric.version}`}>{msg.scoringPage.rankByVersion}</Link>
      </p>
      <table className="list" data-testid="rubric-indicators">
        <thead>
          <tr>
            <th>{msg.common.id}</th>
            <th>{msg.common.indicator}</th>
            <th>{msg.common.points}</th>
            <th>{msg.common.method}</th>
            <th>{msg.scoringPage.methodDetail}</th>
            <th>{m.rubrics.sources}</th>
          </tr>
        </thead>
        <tbody>
          {rubric.definition.indicators.map((x) => (
            <tr key={x.id}>
              <td>{x.id}</td>
              <td>{x.name}</td>
              <td>{formatNumber(x.max)}</td>
              <td>{x.method.kind === "manual" ? m.method.manual : m.method.auto}</td>
              <td style={{ fontSize: "0.85rem" }}>{describeMethod(x.method)}</td>
              <td style={{ fontSize: "0.8rem" }}>
                {x.sources.map((s, i) => (
                  <div key={i}>
                    {s.url && isWebUrl(s.url) ? (
                      <a href={s.url} rel="noreferrer" target="_blank">
                        {s.ref}
                      </a>
                    ) : (
                      s.ref
                    )}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{m.rubrics.versions}</h2>
      <ul data-testid="rubric-versions">
        {versions.map((v) => (
          <li key={v.version}>
            <Link href={`/scoring/rubrics/${rubric.id}?version=${v.version}`}>{m.rubrics.version(v.version)}</Link> {v.name} ·{" "}
            {m.rubrics.createdBy(v.createdBy, formatDateTime(v.createdAt))}
            {v.version === rubric.version && <span className="muted">{msg.scoringPage.current}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
