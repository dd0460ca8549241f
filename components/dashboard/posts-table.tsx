/**
 * The "posts published" figures per year with the sentence each was read from, and a form to
 * correct one (the form posts to a server action the page passes in).
 */
import Link from "next/link";
import { POST_LABELS } from "@/lib/dashboard/families";
import type { AgencyYear } from "@/lib/dashboard/agency-years";
import { formatCount } from "@/lib/dashboard/number-format";
import { POST_CHANNELS, type PostChannel } from "@/lib/dashboard/posts";
import { msg } from "@/lib/messages";

const dash = msg.dashboard;

export function PostsTable({
  agencyId,
  years,
  action,
}: {
  agencyId: number;
  years: AgencyYear[];
  action?: (form: FormData) => Promise<void>;
}) {
  const filed = years.filter((y) => y.reportId !== null);
  if (filed.length === 0) return null;
  const channels = POST_CHANNELS.filter((c) => filed.some((y) => y.posts[c]));
  const shown: PostChannel[] = channels.length ? channels : ["total"];
  return (
    <details className="posts-details">
      <summary>{msg.agencyPage.postsTitle(filed.length)}</summary>
      <table className="list compact" data-testid="posts-table">
        <thead>
          <tr>
            <th>{msg.common.year}</th>
            {shown.map((c) => (
              <th key={c}>{POST_LABELS[c]}</th>
            ))}
            <th>{dash.posts.sentence}</th>
          </tr>
        </thead>
        <tbody>
          {filed.map((y) => (
            <tr key={y.year}>
              <td>
                <Link href={`/reports/${y.reportId}/source`}>{y.year}</Link>
              </td>
              {shown.map((c) => {
                const p = y.posts[c];
                return (
                  <td key={c}>
                    {p ? formatCount(p.value) : <span className="muted">{dash.posts.notStated}</span>}
                    {p?.corrected && <div className="muted small">{dash.posts.corrected(p.extracted)}</div>}
                    {action && (
                      <details className="correct">
                        <summary>{dash.posts.correct}</summary>
                        <form action={action}>
                          <input type="hidden" name="agencyId" value={agencyId} />
                          <input type="hidden" name="reportId" value={y.reportId!} />
                          <input type="hidden" name="channel" value={c} />
                          <label>
                            {dash.posts.value}
                            <input
                              type="number"
                              name="value"
                              min={0}
                              step={1}
                              defaultValue={p?.value ?? ""}
                              aria-label={msg.agencyPage.postsOf(y.year, POST_LABELS[c])}
                            />
                          </label>
                          <label>
                            {dash.posts.comment}
                            <input type="text" name="comment" maxLength={500} />
                          </label>
                          <button type="submit">{dash.posts.save}</button>
                          {p?.corrected && (
                            <button type="submit" name="reset" value="1" className="secondary">
                              {dash.posts.reset}
                            </button>
                          )}
                        </form>
                      </details>
                    )}
                  </td>
                );
              })}
              <td className="small">
                {shown.map((c) => y.posts[c]?.sentence).filter(Boolean)[0] ?? <span className="muted">{dash.posts.notStated}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
