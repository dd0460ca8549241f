CREATE TABLE "agency_years" (
	"agency_id" integer PRIMARY KEY NOT NULL,
	"years" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_years" ADD CONSTRAINT "agency_years_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written (drizzle-kit does not declare triggers): keep agency_years in step with reports,
-- one bit at a time under the agency row's lock (db/tables/agency-years.ts).
CREATE FUNCTION "agency_years_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.agency_id = NEW.agency_id AND OLD.year = NEW.year THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.year BETWEEN 2000 AND 2062 THEN
    UPDATE agency_years SET years = years & ~(1::bigint << (OLD.year - 2000)) WHERE agency_id = OLD.agency_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.year BETWEEN 2000 AND 2062 THEN
    INSERT INTO agency_years AS y (agency_id, years) VALUES (NEW.agency_id, 1::bigint << (NEW.year - 2000))
      ON CONFLICT (agency_id) DO UPDATE SET years = y.years | excluded.years;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "reports_agency_years" AFTER INSERT OR UPDATE OF agency_id, year OR DELETE ON "reports"
  FOR EACH ROW EXECUTE FUNCTION "agency_years_apply"();
--> statement-breakpoint
INSERT INTO "agency_years" (agency_id, years)
  SELECT agency_id, bit_or(1::bigint << (year - 2000)) FROM "reports" WHERE year BETWEEN 2000 AND 2062 GROUP BY agency_id;
