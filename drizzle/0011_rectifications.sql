CREATE TABLE "rectification_attachments" (
	"rectification_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"report_id" integer NOT NULL,
	"year" integer NOT NULL,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"cells" jsonb NOT NULL,
	"message" text NOT NULL,
	"fingerprint" text NOT NULL,
	"due_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"response" text,
	"response_text" text DEFAULT '' NOT NULL,
	"response_imported_at" timestamp with time zone,
	"responded_by" text,
	"responded_at" timestamp with time zone,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"return_reason" text DEFAULT '' NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rectification_attachments" ADD CONSTRAINT "rectification_attachments_rectification_id_rectifications_id_fk" FOREIGN KEY ("rectification_id") REFERENCES "public"."rectifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rectifications_report_fingerprint_key" ON "rectifications" USING btree ("report_id","fingerprint");--> statement-breakpoint
CREATE INDEX "rectifications_agency_idx" ON "rectifications" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "rectifications_due_idx" ON "rectifications" USING btree ("status","due_on");