CREATE TABLE "finding_stats" (
	"region_id" integer NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "finding_stats_region_id_kind_year_rule_severity_pk" PRIMARY KEY("region_id","kind","year","rule","severity")
);
--> statement-breakpoint
CREATE INDEX "findings_queue_idx" ON "findings" USING btree ((case "severity" when 'error' then 0 when 'warning' then 1 else 2 end),"year" DESC NULLS LAST,"report_id","id");