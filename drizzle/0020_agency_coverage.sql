CREATE TABLE "agency_coverage" (
	"agency_id" integer PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"kind" text NOT NULL,
	"active_from" integer,
	"active_to" integer,
	"years" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_coverage" ADD CONSTRAINT "agency_coverage_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_coverage_region_idx" ON "agency_coverage" USING btree ("region_id");--> statement-breakpoint
-- Hand-written (drizzle-kit does not declare triggers): keep agency_coverage in step with agencies
-- and reports (db/tables/agency-coverage.ts).
CREATE FUNCTION "agency_coverage_agency"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO agency_coverage AS c (agency_id, region_id, kind, active_from, active_to)
    VALUES (NEW.id, NEW.region_id, NEW.kind, NEW.active_from, NEW.active_to)
    ON CONFLICT (agency_id) DO UPDATE
    SET region_id = excluded.region_id, kind = excluded.kind, active_from = excluded.active_from, active_to = excluded.active_to;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "agencies_coverage" AFTER INSERT OR UPDATE OF region_id, kind, active_from, active_to ON "agencies"
  FOR EACH ROW EXECUTE FUNCTION "agency_coverage_agency"();
--> statement-breakpoint
-- One bit per report's year, set and cleared under the agency row's lock.
CREATE FUNCTION "agency_coverage_report"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.agency_id = NEW.agency_id AND OLD.year = NEW.year THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.year BETWEEN 2000 AND 2062 THEN
    UPDATE agency_coverage SET years = years & ~(1::bigint << (OLD.year - 2000)) WHERE agency_id = OLD.agency_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.year BETWEEN 2000 AND 2062 THEN
    UPDATE agency_coverage SET years = years | (1::bigint << (NEW.year - 2000)) WHERE agency_id = NEW.agency_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "reports_coverage" AFTER INSERT OR UPDATE OF agency_id, year OR DELETE ON "reports"
  FOR EACH ROW EXECUTE FUNCTION "agency_coverage_report"();
--> statement-breakpoint
INSERT INTO "agency_coverage" (agency_id, region_id, kind, active_from, active_to, years)
  SELECT a.id, a.region_id, a.kind, a.active_from, a.active_to,
         coalesce((SELECT bit_or(1::bigint << (r.year - 2000)) FROM reports r WHERE r.agency_id = a.id AND r.year BETWEEN 2000 AND 2062), 0)
  FROM "agencies" a;
