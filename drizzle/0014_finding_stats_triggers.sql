-- Hand-written (drizzle-kit does not declare triggers), made with `drizzle-kit generate --custom`:
-- keep finding_stats in step with findings, one statement's rows at a time. Rows are applied in key
-- order so that two re-checks touching the same counts wait for each other rather than deadlock.
CREATE FUNCTION "finding_stats_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finding_stats AS s (region_id, kind, year, rule, severity, n)
    SELECT a.region_id, a.kind, f.year, f.rule, f.severity, count(*)::int
    FROM new_rows f JOIN reports r ON r.id = f.report_id JOIN agencies a ON a.id = r.agency_id
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (region_id, kind, year, rule, severity) DO UPDATE SET n = s.n + excluded.n;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "finding_stats_subtract"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finding_stats AS s (region_id, kind, year, rule, severity, n)
    SELECT a.region_id, a.kind, f.year, f.rule, f.severity, -count(*)::int
    FROM old_rows f JOIN reports r ON r.id = f.report_id JOIN agencies a ON a.id = r.agency_id
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (region_id, kind, year, rule, severity) DO UPDATE SET n = s.n + excluded.n;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "findings_stats_insert" AFTER INSERT ON "findings"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "finding_stats_add"();
--> statement-breakpoint
CREATE TRIGGER "findings_stats_delete" AFTER DELETE ON "findings"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "finding_stats_subtract"();
--> statement-breakpoint
-- A deleted report's findings go first, while the report still says whose they were (the cascade
-- would delete them after the report row, where the trigger above could no longer place them).
CREATE FUNCTION "reports_delete_findings"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM findings WHERE report_id = OLD.id;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "reports_delete_findings" BEFORE DELETE ON "reports"
  FOR EACH ROW EXECUTE FUNCTION "reports_delete_findings"();
--> statement-breakpoint
INSERT INTO "finding_stats" (region_id, kind, year, rule, severity, n)
  SELECT a.region_id, a.kind, f.year, f.rule, f.severity, count(*)::int
  FROM "findings" f JOIN "reports" r ON r.id = f.report_id JOIN "agencies" a ON a.id = r.agency_id
  GROUP BY 1, 2, 3, 4, 5;
