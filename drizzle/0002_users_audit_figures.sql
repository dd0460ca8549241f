CREATE SEQUENCE "public"."rubric_ids" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 2 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text NOT NULL,
	"action" text NOT NULL,
	"target" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "post_count_corrections" (
	"report_id" integer NOT NULL,
	"channel" text NOT NULL,
	"value" double precision,
	"comment" text DEFAULT '' NOT NULL,
	"corrected_by" text NOT NULL,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_count_corrections_report_id_channel_pk" PRIMARY KEY("report_id","channel")
);
--> statement-breakpoint
CREATE TABLE "report_figures" (
	"report_id" integer PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"format" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"days_late" integer,
	"received_natural_person" double precision,
	"received_commercial" double precision,
	"received_research" double precision,
	"received_public_interest" double precision,
	"received_legal_service" double precision,
	"received_other_org" double precision,
	"received" double precision,
	"carried_over" double precision,
	"carried_forward" double precision,
	"disclosed" double precision,
	"partially_disclosed" double precision,
	"withheld" double precision,
	"unavailable" double precision,
	"not_processed" double precision,
	"other_handled" double precision,
	"total_handled" double precision,
	"licensing" double precision,
	"penalty" double precision,
	"coercion" double precision,
	"fees_wan" double precision,
	"rules_issued" double precision,
	"rules_repealed" double precision,
	"rules_in_force" double precision,
	"rules_made" double precision,
	"rules_published" double precision,
	"rules_total_public" double precision,
	"docs_issued" double precision,
	"docs_repealed" double precision,
	"docs_in_force" double precision,
	"docs_made" double precision,
	"docs_published" double precision,
	"docs_total_public" double precision,
	"review_upheld" double precision,
	"review_corrected" double precision,
	"review_other" double precision,
	"review_pending" double precision,
	"review_total" double precision,
	"suit_upheld" double precision,
	"suit_corrected" double precision,
	"suit_other" double precision,
	"suit_pending" double precision,
	"suit_total" double precision
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"id" integer NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rubrics_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "score_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"score_id" integer NOT NULL,
	"indicator_id" text NOT NULL,
	"old_method" text,
	"old_points" double precision,
	"new_method" text NOT NULL,
	"new_points" double precision,
	"reason" text DEFAULT '' NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_items" (
	"score_id" integer NOT NULL,
	"indicator_id" text NOT NULL,
	"points" double precision,
	"method" text NOT NULL,
	"value" double precision,
	"reason" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"by" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_items_score_id_indicator_id_pk" PRIMARY KEY("score_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"rubric_id" integer NOT NULL,
	"rubric_version" integer NOT NULL,
	"total" double precision,
	"complete" boolean DEFAULT false NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_agencies" (
	"user_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	CONSTRAINT "user_agencies_user_id_agency_id_pk" PRIMARY KEY("user_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"scope_region_id" integer,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_count_corrections" ADD CONSTRAINT "post_count_corrections_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_figures" ADD CONSTRAINT "report_figures_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_figures" ADD CONSTRAINT "report_figures_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_history" ADD CONSTRAINT "score_history_score_id_scores_id_fk" FOREIGN KEY ("score_id") REFERENCES "public"."scores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_items" ADD CONSTRAINT "score_items_score_id_scores_id_fk" FOREIGN KEY ("score_id") REFERENCES "public"."scores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_rubric_fk" FOREIGN KEY ("rubric_id","rubric_version") REFERENCES "public"."rubrics"("id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_agencies" ADD CONSTRAINT "user_agencies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_agencies" ADD CONSTRAINT "user_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_scope_region_id_regions_id_fk" FOREIGN KEY ("scope_region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target");--> statement-breakpoint
CREATE INDEX "report_figures_agency_year_idx" ON "report_figures" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "report_figures_year_idx" ON "report_figures" USING btree ("year","agency_id");--> statement-breakpoint
CREATE INDEX "report_figures_imported_at_idx" ON "report_figures" USING btree ("imported_at");--> statement-breakpoint
CREATE INDEX "score_history_score_idx" ON "score_history" USING btree ("score_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "scores_agency_year_rubric_key" ON "scores" USING btree ("agency_id","year","rubric_id","rubric_version");--> statement-breakpoint
CREATE INDEX "scores_rubric_year_idx" ON "scores" USING btree ("rubric_id","rubric_version","year");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_key_at_idx" ON "sign_in_failures" USING btree ("key","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree (lower("username"));