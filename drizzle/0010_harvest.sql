CREATE TABLE "harvest_sources" (
	"agency_id" integer PRIMARY KEY NOT NULL,
	"list_url" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "harvest_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"report_id" integer,
	"title" text NOT NULL,
	"page_url" text NOT NULL,
	"attachment_url" text,
	"printed_on" date,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content_hash" text NOT NULL,
	"cell_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "harvest_years" (
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"first_seen_at" timestamp with time zone,
	"last_missing_at" timestamp with time zone,
	CONSTRAINT "harvest_years_agency_id_year_pk" PRIMARY KEY("agency_id","year")
);
--> statement-breakpoint
ALTER TABLE "harvest_sources" ADD CONSTRAINT "harvest_sources_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvest_versions" ADD CONSTRAINT "harvest_versions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvest_versions" ADD CONSTRAINT "harvest_versions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvest_years" ADD CONSTRAINT "harvest_years_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "harvest_versions_agency_year_version_key" ON "harvest_versions" USING btree ("agency_id","year","version");