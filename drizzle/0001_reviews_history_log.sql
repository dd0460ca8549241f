CREATE TABLE "cell_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"key" text NOT NULL,
	"old_value" double precision,
	"old_raw" text,
	"new_value" double precision,
	"reason" text DEFAULT '' NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_reviews" (
	"report_id" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"reviewer" text NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_reviews_report_id_fingerprint_pk" PRIMARY KEY("report_id","fingerprint")
);
--> statement-breakpoint
CREATE TABLE "import_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"batch_id" text,
	"source_name" text NOT NULL,
	"status" text NOT NULL,
	"message" text NOT NULL,
	"agency_id" integer,
	"year" integer,
	"report_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "initials" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "active_from" integer;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "active_to" integer;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "narrative" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "cell_values" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cell_history" ADD CONSTRAINT "cell_history_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_reviews" ADD CONSTRAINT "finding_reviews_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_log" ADD CONSTRAINT "import_log_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_log" ADD CONSTRAINT "import_log_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cell_history_report_idx" ON "cell_history" USING btree ("report_id","key");--> statement-breakpoint
CREATE INDEX "import_log_at_idx" ON "import_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "import_log_year_idx" ON "import_log" USING btree ("year");--> statement-breakpoint
CREATE INDEX "agencies_initials_idx" ON "agencies" USING btree ("initials");--> statement-breakpoint
CREATE INDEX "agencies_region_idx" ON "agencies" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_report_fingerprint_key" ON "findings" USING btree ("report_id","fingerprint");