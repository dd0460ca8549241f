-- Custom SQL migration file, put your code below! --
-- Cells' provenance moves from one row per cell (report_cells) into one JSON object per report
-- (reports.cell_sources, text; lib/parse/cell-sources.ts): `r` the printed text, left out when it
-- is the value written plainly (as String(value) would write it: plain decimal digits only), `n`
-- the note, `s` the location, left out when empty. The next migration drops report_cells.
UPDATE "reports" r SET "cell_sources" = x.sources::text
FROM (
  SELECT c.report_id, jsonb_object_agg(c.key, jsonb_strip_nulls(jsonb_build_object(
    'r', CASE WHEN c.raw = coalesce(c.value::text, '') AND c.raw ~ '^(0|-?[1-9][0-9]*)(\.[0-9]+)?$|^$' THEN NULL ELSE c.raw END,
    'n', nullif(c.note, ''),
    's', CASE WHEN c.source = '{}'::jsonb THEN NULL ELSE c.source END
  ))) AS sources
  FROM "report_cells" c
  GROUP BY c.report_id
) x
WHERE x.report_id = r.id;
