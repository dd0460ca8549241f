ALTER TABLE "regions" ADD COLUMN "code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "regions_code_key" ON "regions" USING btree ("code");