import { msg } from "@/lib/messages";
import { FILL_PREFIX, type PreviewResult } from "./schema";

type UnreadRow = Extract<PreviewResult, { ok: true }>["unreadRows"][number];

/**
 * Rows the reader could not read, each with what the document prints there (and, for a scan, the
 * image of the row): on import the filer types the figures in beside them; the draft check only lists them.
 */
export function UnreadRows({ rows, checking }: { rows: UnreadRow[]; checking: boolean }) {
  return (
    <div className="alert warn" data-testid="unread-rows">
      <strong>{msg.importPreview.unreadTitle(rows.length)}</strong>
      <p className="muted" style={{ margin: "0.25rem 0" }}>
        {checking ? msg.importPreview.unreadHintCheck : msg.importPreview.unreadHint}
      </p>
      {rows.map((row, i) => (
        <div key={i} className="unread-row" style={{ marginTop: "0.75rem" }}>
          <div>
            {row.message}
            {row.where && `（${row.where}）`}
          </div>
          {row.source && (
            <pre
              style={{
                whiteSpace: "pre-wrap",
                margin: "0.25rem 0",
                padding: "0.4rem",
                background: "var(--surface-2, #f6f6f6)",
                overflowX: "auto",
              }}
            >
              {msg.importPreview.printed}
              {row.source}
            </pre>
          )}
          {row.crop && (
            // biome-ignore lint/performance/noImgElement: a server-cropped scan image, not a static asset
            <img
              src={row.crop}
              alt={msg.scan.cropAlt}
              className="scan-crop"
              style={{ maxWidth: "100%", border: "1px solid #ccc", display: "block", margin: "0.25rem 0" }}
            />
          )}
          {!checking && (
            <div className="form-row" style={{ flexWrap: "wrap" }}>
              {row.cells.map((c) => (
                <label key={c.key} style={{ fontSize: "0.85rem" }}>
                  {c.label}
                  <input type="text" inputMode="decimal" name={`${FILL_PREFIX}${c.key}`} size={6} aria-label={c.label} />
                </label>
              ))}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
