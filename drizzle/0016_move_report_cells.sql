-- Custom SQL migration file, put your code below! --
-- Cells' provenance moves from one row per cell (report_cells) into one JSON array per report
-- (reports.cell_sources, text; lib/parse/cell-sources.ts), aligned with the report's cell_values
-- keys in byte order (collate "C", as JavaScript sorts them). Each entry: `r` the printed text, left
-- out when it is the value written plainly (as String(value) would write it: plain decimal digits
-- only), `n` the note, `s` the location, left out when empty; null for a cell without a row. The
-- next migration drops report_cells.
UPDATE "reports" r SET "cell_sources" = coalesce((
  SELECT jsonb_agg(
    CASE WHEN c.report_id IS NULL THEN 'null'::jsonb ELSE jsonb_strip_nulls(jsonb_build_object(
      'r', CASE WHEN c.raw = coalesce(c.value::text, '') AND c.raw ~ '^(0|-?[1-9][0-9]*)(\.[0-9]+)?$|^$' THEN NULL ELSE c.raw END,
      'n', nullif(c.note, ''),
      's', CASE WHEN c.source = '{}'::jsonb THEN NULL ELSE c.source END
    )) END
    ORDER BY k.key COLLATE "C")
  FROM jsonb_object_keys(r.cell_values) AS k(key)
  LEFT JOIN "report_cells" c ON c.report_id = r.id AND c.key = k.key
), '[]'::jsonb)::text;
