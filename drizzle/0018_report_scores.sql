CREATE TABLE "report_scores" (
	"rubric_id" integer NOT NULL,
	"rubric_version" integer NOT NULL,
	"report_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"items" double precision[] NOT NULL,
	"auto" double precision,
	"known" double precision NOT NULL,
	CONSTRAINT "report_scores_rubric_id_rubric_version_report_id_pk" PRIMARY KEY("rubric_id","rubric_version","report_id")
);
--> statement-breakpoint
ALTER TABLE "report_scores" ADD CONSTRAINT "report_scores_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_scores_year_idx" ON "report_scores" USING btree ("rubric_id","rubric_version","year","agency_id");--> statement-breakpoint
CREATE INDEX "report_scores_report_idx" ON "report_scores" USING btree ("report_id");