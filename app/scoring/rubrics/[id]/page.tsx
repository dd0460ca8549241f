import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/index";
import { getRubric, listRubricVersions } from "@/db/queries/scoring";
import { requireReader } from "@/app/session";
import { roleMay } from "@/lib/auth/permissions";
import { ruleById } from "@/lib/checks/rules";
import { describeCell } from "@/lib/report/template";
import { formatDateTime, formatNumber } from "@/lib/format";
import { isWebUrl, maxTotal, type Method } from "@/lib/scoring/rubric";
import { msg } from "@/lib/messages";

export const dynamic = "force-dynamic";
const m = msg.scoring;

function describeMethod(x: Method): string {
  switch (x.kind) {
    case "deadline":
      return `发布日期晚于法定期限（部门 1 月 31 日、本级政府 3 月 31 日）扣 ${x.deduct} 分`;
    case "findings":
      return `每条核对发现扣 ${x.deduct} 分：${x.rules.map((r) => ruleById(r)?.title ?? r).join("；")}${x.needsTables ? "（需要统一表格）" : ""}${x.needsPrevious ? "（没有上年报告时不扣分）" : ""}`;
    case "cells":
      return `每件扣 ${x.deduct} 分：${x.keys.map(describeCell).join(" + ")}`;
    case "manual":
      return x.guide || "评估人填写";
  }
}

export default async function RubricPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireReader();
  const id = z.coerce.number().int().positive().safeParse((await params).id);
  if (!id.success) notFound();
  const version = z.coerce.number().int().positive().optional().catch(undefined).parse((await searchParams).version);
  const db = await getDb();
  const [rubric, versions, user] = await Promise.all([getRubric(db, id.data, version), listRubricVersions(db, id.data), requireReader()]);
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
        <Link href={`/scoring?rubric=${rubric.id}&version=${rubric.version}`}>按此版本排名</Link>
      </p>
      <table className="list" data-testid="rubric-indicators">
        <thead>
          <tr>
            <th>编号</th>
            <th>指标</th>
            <th>分值</th>
            <th>方式</th>
            <th>评分方法</th>
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
                      <a href={s.url} rel="noreferrer" target="_blank">{s.ref}</a>
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
            <Link href={`/scoring/rubrics/${rubric.id}?version=${v.version}`}>{m.rubrics.version(v.version)}</Link> {v.name} · {m.rubrics.createdBy(v.createdBy, formatDateTime(v.createdAt))}
            {v.version === rubric.version && <span className="muted">（当前查看）</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
