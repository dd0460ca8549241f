CREATE TABLE "agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_id" integer NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"cells" jsonb NOT NULL,
	"message" text NOT NULL,
	"fingerprint" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" integer,
	"path" text DEFAULT '/' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_cells" (
	"report_id" integer NOT NULL,
	"key" text NOT NULL,
	"value" double precision,
	"raw" text NOT NULL,
	"note" text,
	"source" jsonb NOT NULL,
	CONSTRAINT "report_cells_report_id_key_pk" PRIMARY KEY("report_id","key")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"format" text NOT NULL,
	"mixed_format" boolean DEFAULT false NOT NULL,
	"published_on" date,
	"title" text,
	"source_name" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_text" text NOT NULL,
	"parser_version" text NOT NULL,
	"missing_cells" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unread" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cells" ADD CONSTRAINT "report_cells_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_region_name_key" ON "agencies" USING btree ("region_id","name");--> statement-breakpoint
CREATE INDEX "agencies_name_idx" ON "agencies" USING btree ("name");--> statement-breakpoint
CREATE INDEX "findings_report_idx" ON "findings" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "findings_rule_idx" ON "findings" USING btree ("rule","severity");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_parent_name_key" ON "regions" USING btree (coalesce("parent_id", 0),"name");--> statement-breakpoint
CREATE INDEX "regions_path_idx" ON "regions" USING btree ("path");--> statement-breakpoint
CREATE INDEX "report_cells_key_idx" ON "report_cells" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_agency_year_key" ON "reports" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "reports_year_idx" ON "reports" USING btree ("year");