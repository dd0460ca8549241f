import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/index";
import { listAudit } from "@/db/queries/audit";
import { roleMay } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { msg } from "@/lib/messages";
import { requireReader } from "@/app/session";

export const dynamic = "force-dynamic";

const ACTION_LABELS: Record<string, string> = {
  "report.create": "导入年报（新增）",
  "report.replace": "导入年报（替换）",
  "cell.correct": "更正单元格",
  "finding.review": "审核发现",
  "user.create": "新建用户",
  "user.update": "修改用户",
  sign_in: "登录",
  sign_out: "退出",
};

const show = (v: unknown) => (v === null || v === undefined ? "—" : JSON.stringify(v));

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireReader();
  if (!roleMay(me, "view_audit")) return <div className="card">{me ? msg.auth.refused.role("view_audit") : msg.auth.signInRequired}</div>;
  const { page } = z.object({ page: z.coerce.number().int().min(1).default(1).catch(1) }).parse(await searchParams);
  const { rows, total } = await listAudit(await getDb(), { page });
  const pages = Math.max(1, Math.ceil(total / 50));
  return (
    <>
      <h1>操作记录</h1>
      <p className="muted">每一次写入：谁、何时、做了什么、修改前后的内容。共 {total} 条。</p>
      <table className="list" data-testid="audit">
        <thead>
          <tr>
            <th>时间</th>
            <th>用户</th>
            <th>操作</th>
            <th>对象</th>
            <th>修改前</th>
            <th>修改后</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.username}</td>
              <td>{ACTION_LABELS[r.action] ?? r.action}</td>
              <td>{r.target.startsWith("report:") ? <Link href={`/reports/${r.target.slice(7)}`}>{r.target}</Link> : r.target}</td>
              <td className="muted" style={{ fontSize: "0.8rem", maxWidth: 280, wordBreak: "break-all" }}>{show(r.before)}</td>
              <td style={{ fontSize: "0.8rem", maxWidth: 280, wordBreak: "break-all" }}>{show(r.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="form-row">
        {page > 1 && <Link href={`/admin/audit?page=${page - 1}`}>上一页</Link>}
        {page < pages && <Link href={`/admin/audit?page=${page + 1}`}>下一页</Link>}
      </p>
    </>
  );
}
