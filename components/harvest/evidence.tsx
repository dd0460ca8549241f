/**
 * What the harvest proves, per agency and year: published on D (first seen T), not found on the
 * list as of T, or no source known — and lateness by when the report appeared (lib/harvest/evidence).
 */
import type { Evidence } from "@/lib/harvest/evidence";
import { msg } from "@/lib/messages";

const say = msg.harvest.evidence;

export function EvidenceText({ e }: { e: Evidence }) {
  if (e.state === "no_source") return <span className="muted">{say.noSource}</span>;
  if (e.state === "unchecked") return <span className="muted">{say.unchecked}</span>;
  if (e.state === "listed") return <span className="error-text">{say.listed(e.firstSeenAt)}</span>;
  if (e.state === "not_found") return <span className="error-text">{say.notFound(e.asOf)}</span>;
  return (
    <span>
      {say.published(e.printedOn, e.firstSeenAt)}
      {e.appearedAfter && <span className="error-text"> · {say.appearedAfter(e.appearedAfter)}</span>}
      {e.daysLateEvidence !== null && e.daysLateEvidence > 0 && (
        <span className="error-text">
          {" "}
          · {e.appearedAfter ? say.lateByEvidence(e.daysLateEvidence) : say.lateByPrinted(e.daysLateEvidence)}
        </span>
      )}
    </span>
  );
}
