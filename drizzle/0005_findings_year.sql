ALTER TABLE "findings" ADD COLUMN "year" integer;--> statement-breakpoint
UPDATE "findings" f SET "year" = r."year" FROM "reports" r WHERE r."id" = f."report_id";--> statement-breakpoint
ALTER TABLE "findings" ALTER COLUMN "year" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "findings_errors_idx" ON "findings" USING btree ("report_id","fingerprint") WHERE "findings"."severity" = 'error';--> statement-breakpoint
CREATE INDEX "findings_errors_latest_idx" ON "findings" USING btree ("year","id") WHERE "findings"."severity" = 'error';