CREATE TABLE "report_year_stats" (
	"year" integer PRIMARY KEY NOT NULL,
	"filed" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"undated" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "report_figures_year_idx";--> statement-breakpoint
CREATE INDEX "import_log_failed_idx" ON "import_log" USING btree ("year","agency_id","at") WHERE "import_log"."status" = 'failed';--> statement-breakpoint
CREATE INDEX "report_figures_year_idx" ON "report_figures" USING btree ("year","agency_id","report_id","days_late");--> statement-breakpoint
-- Undated reports were stored as 0 days late (greatest(0, null) is 0): null, as the column says.
UPDATE "report_figures" f SET days_late = NULL FROM "reports" r WHERE r.id = f.report_id AND r.published_on IS NULL;
--> statement-breakpoint
-- Hand-written (drizzle-kit does not declare triggers): keep report_year_stats in step with
-- report_figures, one row's difference at a time.
CREATE FUNCTION "report_year_stats_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.year = NEW.year AND OLD.days_late IS NOT DISTINCT FROM NEW.days_late THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE report_year_stats
      SET filed = filed - 1,
          late = late - coalesce(OLD.days_late > 0, false)::int,
          undated = undated - (OLD.days_late IS NULL)::int
      WHERE year = OLD.year;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_year_stats AS s (year, filed, late, undated)
      VALUES (NEW.year, 1, coalesce(NEW.days_late > 0, false)::int, (NEW.days_late IS NULL)::int)
      ON CONFLICT (year) DO UPDATE
      SET filed = s.filed + 1, late = s.late + excluded.late, undated = s.undated + excluded.undated;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "report_figures_year_stats" AFTER INSERT OR UPDATE OR DELETE ON "report_figures"
  FOR EACH ROW EXECUTE FUNCTION "report_year_stats_apply"();
--> statement-breakpoint
INSERT INTO "report_year_stats" (year, filed, late, undated)
  SELECT year, count(*)::int, count(*) FILTER (WHERE days_late > 0)::int, count(*) FILTER (WHERE days_late IS NULL)::int
  FROM "report_figures" GROUP BY year;
