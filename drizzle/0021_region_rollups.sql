CREATE TABLE "region_figures" (
	"region_id" integer NOT NULL,
	"year" integer NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"s_received_natural_person" double precision DEFAULT 0 NOT NULL,
	"n_received_natural_person" integer DEFAULT 0 NOT NULL,
	"s_received_commercial" double precision DEFAULT 0 NOT NULL,
	"n_received_commercial" integer DEFAULT 0 NOT NULL,
	"s_received_research" double precision DEFAULT 0 NOT NULL,
	"n_received_research" integer DEFAULT 0 NOT NULL,
	"s_received_public_interest" double precision DEFAULT 0 NOT NULL,
	"n_received_public_interest" integer DEFAULT 0 NOT NULL,
	"s_received_legal_service" double precision DEFAULT 0 NOT NULL,
	"n_received_legal_service" integer DEFAULT 0 NOT NULL,
	"s_received_other_org" double precision DEFAULT 0 NOT NULL,
	"n_received_other_org" integer DEFAULT 0 NOT NULL,
	"s_received" double precision DEFAULT 0 NOT NULL,
	"n_received" integer DEFAULT 0 NOT NULL,
	"s_carried_over" double precision DEFAULT 0 NOT NULL,
	"n_carried_over" integer DEFAULT 0 NOT NULL,
	"s_carried_forward" double precision DEFAULT 0 NOT NULL,
	"n_carried_forward" integer DEFAULT 0 NOT NULL,
	"s_disclosed" double precision DEFAULT 0 NOT NULL,
	"n_disclosed" integer DEFAULT 0 NOT NULL,
	"s_partially_disclosed" double precision DEFAULT 0 NOT NULL,
	"n_partially_disclosed" integer DEFAULT 0 NOT NULL,
	"s_withheld" double precision DEFAULT 0 NOT NULL,
	"n_withheld" integer DEFAULT 0 NOT NULL,
	"s_unavailable" double precision DEFAULT 0 NOT NULL,
	"n_unavailable" integer DEFAULT 0 NOT NULL,
	"s_not_processed" double precision DEFAULT 0 NOT NULL,
	"n_not_processed" integer DEFAULT 0 NOT NULL,
	"s_other_handled" double precision DEFAULT 0 NOT NULL,
	"n_other_handled" integer DEFAULT 0 NOT NULL,
	"s_total_handled" double precision DEFAULT 0 NOT NULL,
	"n_total_handled" integer DEFAULT 0 NOT NULL,
	"s_licensing" double precision DEFAULT 0 NOT NULL,
	"n_licensing" integer DEFAULT 0 NOT NULL,
	"s_penalty" double precision DEFAULT 0 NOT NULL,
	"n_penalty" integer DEFAULT 0 NOT NULL,
	"s_coercion" double precision DEFAULT 0 NOT NULL,
	"n_coercion" integer DEFAULT 0 NOT NULL,
	"s_fees_wan" double precision DEFAULT 0 NOT NULL,
	"n_fees_wan" integer DEFAULT 0 NOT NULL,
	"s_rules_issued" double precision DEFAULT 0 NOT NULL,
	"n_rules_issued" integer DEFAULT 0 NOT NULL,
	"s_rules_repealed" double precision DEFAULT 0 NOT NULL,
	"n_rules_repealed" integer DEFAULT 0 NOT NULL,
	"s_rules_in_force" double precision DEFAULT 0 NOT NULL,
	"n_rules_in_force" integer DEFAULT 0 NOT NULL,
	"s_rules_made" double precision DEFAULT 0 NOT NULL,
	"n_rules_made" integer DEFAULT 0 NOT NULL,
	"s_rules_published" double precision DEFAULT 0 NOT NULL,
	"n_rules_published" integer DEFAULT 0 NOT NULL,
	"s_rules_total_public" double precision DEFAULT 0 NOT NULL,
	"n_rules_total_public" integer DEFAULT 0 NOT NULL,
	"s_docs_issued" double precision DEFAULT 0 NOT NULL,
	"n_docs_issued" integer DEFAULT 0 NOT NULL,
	"s_docs_repealed" double precision DEFAULT 0 NOT NULL,
	"n_docs_repealed" integer DEFAULT 0 NOT NULL,
	"s_docs_in_force" double precision DEFAULT 0 NOT NULL,
	"n_docs_in_force" integer DEFAULT 0 NOT NULL,
	"s_docs_made" double precision DEFAULT 0 NOT NULL,
	"n_docs_made" integer DEFAULT 0 NOT NULL,
	"s_docs_published" double precision DEFAULT 0 NOT NULL,
	"n_docs_published" integer DEFAULT 0 NOT NULL,
	"s_docs_total_public" double precision DEFAULT 0 NOT NULL,
	"n_docs_total_public" integer DEFAULT 0 NOT NULL,
	"s_review_upheld" double precision DEFAULT 0 NOT NULL,
	"n_review_upheld" integer DEFAULT 0 NOT NULL,
	"s_review_corrected" double precision DEFAULT 0 NOT NULL,
	"n_review_corrected" integer DEFAULT 0 NOT NULL,
	"s_review_other" double precision DEFAULT 0 NOT NULL,
	"n_review_other" integer DEFAULT 0 NOT NULL,
	"s_review_pending" double precision DEFAULT 0 NOT NULL,
	"n_review_pending" integer DEFAULT 0 NOT NULL,
	"s_review_total" double precision DEFAULT 0 NOT NULL,
	"n_review_total" integer DEFAULT 0 NOT NULL,
	"s_suit_upheld" double precision DEFAULT 0 NOT NULL,
	"n_suit_upheld" integer DEFAULT 0 NOT NULL,
	"s_suit_corrected" double precision DEFAULT 0 NOT NULL,
	"n_suit_corrected" integer DEFAULT 0 NOT NULL,
	"s_suit_other" double precision DEFAULT 0 NOT NULL,
	"n_suit_other" integer DEFAULT 0 NOT NULL,
	"s_suit_pending" double precision DEFAULT 0 NOT NULL,
	"n_suit_pending" integer DEFAULT 0 NOT NULL,
	"s_suit_total" double precision DEFAULT 0 NOT NULL,
	"n_suit_total" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "region_figures_region_id_year_pk" PRIMARY KEY("region_id","year")
);
--> statement-breakpoint
CREATE TABLE "score_counts" (
	"rubric_id" integer NOT NULL,
	"rubric_version" integer NOT NULL,
	"year" integer NOT NULL,
	"region_id" integer NOT NULL,
	"auto" double precision,
	"known" double precision NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "score_counts_key" UNIQUE NULLS NOT DISTINCT("rubric_id","rubric_version","year","region_id","auto","known")
);
--> statement-breakpoint
CREATE TABLE "coverage_counts" (
	"region_id" integer NOT NULL,
	"from_year" integer,
	"to_year" integer,
	"gaps" bigint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "coverage_counts_key" UNIQUE NULLS NOT DISTINCT("region_id","from_year","to_year","gaps")
);
--> statement-breakpoint
DROP INDEX "report_scores_year_idx";--> statement-breakpoint
CREATE INDEX "region_figures_year_idx" ON "region_figures" USING btree ("year","region_id","late");--> statement-breakpoint
CREATE INDEX "report_figures_late_idx" ON "report_figures" USING btree ("year","days_late" DESC NULLS LAST,"agency_id","report_id") WHERE "report_figures"."days_late" > 0;--> statement-breakpoint
CREATE INDEX "report_scores_points_idx" ON "report_scores" USING btree ("rubric_id","rubric_version","year","auto","known","agency_id");--> statement-breakpoint
-- Hand-written below (drizzle-kit does not declare functions or triggers): the per-region rollups
-- are kept by statement triggers that add and subtract one statement's rows, grouped, in key
-- order — a bulk COPY is one grouped write, and concurrent imports queue on the rows they share
-- instead of deadlocking. Each rollup's write is declared once (a *_sql function over a row
-- source, built as SQL text: the triggers EXECUTE it themselves, as only they see their transition
-- tables) and serves the triggers, an agency's move to another region and the backfill.
--
-- An agency's expected span and gaps (db/tables/agency-coverage.ts): from its active_from, else
-- its first report's year (the lowest bit); gaps are the expected years without a report.
CREATE FUNCTION "coverage_from"(years bigint, active_from int) RETURNS int IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT coalesce(active_from, CASE WHEN years <> 0 THEN 2000 + round(log(2, (years & -years)::numeric))::int END)
$$;
--> statement-breakpoint
CREATE FUNCTION "coverage_gaps"(years bigint, active_from int, active_to int) RETURNS bigint IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT CASE WHEN f IS NULL THEN 0::bigint ELSE
    (CASE WHEN f <= 2000 THEN -1::bigint WHEN f > 2062 THEN 0::bigint ELSE ~((1::bigint << (f - 2000)) - 1) END)
    & (CASE WHEN active_to IS NULL THEN -1::bigint WHEN active_to < 2000 THEN 0::bigint
            WHEN active_to >= 2062 THEN 9223372036854775807::bigint ELSE (1::bigint << (active_to - 2000 + 1)) - 1 END)
    & ~years END
  FROM (SELECT coverage_from(years, active_from) AS f) x
$$;
--> statement-breakpoint
CREATE FUNCTION "coverage_counts_sql"(src text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT format($q$
    INSERT INTO coverage_counts AS s (region_id, from_year, to_year, gaps, n)
      SELECT c.region_id, coverage_from(c.years, c.active_from), c.active_to, coverage_gaps(c.years, c.active_from, c.active_to), sum(c.d)::int
      FROM (%s) c GROUP BY 1, 2, 3, 4 HAVING sum(c.d) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT ON CONSTRAINT coverage_counts_key DO UPDATE SET n = s.n + excluded.n$q$, src)
$$;
--> statement-breakpoint
CREATE FUNCTION "score_counts_sql"(src text, region text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT format($q$
    INSERT INTO score_counts AS s (rubric_id, rubric_version, year, region_id, auto, known, n)
      SELECT f.rubric_id, f.rubric_version, f.year, %s, f.auto, f.known, sum(f.d)::int
      FROM (%s) f JOIN agencies a ON a.id = f.agency_id
      GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(f.d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT ON CONSTRAINT score_counts_key DO UPDATE SET n = s.n + excluded.n$q$, region, src)
$$;
--> statement-breakpoint
-- report_figures rows (with d = +1 or −1) summed into region_figures; the region is an expression
-- over the source row f and its agency a.
CREATE FUNCTION "region_figures_sql"(src text, region text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT format($q$
    INSERT INTO region_figures AS s (region_id, year, reports, late, s_received_natural_person, n_received_natural_person, s_received_commercial, n_received_commercial, s_received_research, n_received_research, s_received_public_interest, n_received_public_interest, s_received_legal_service, n_received_legal_service, s_received_other_org, n_received_other_org, s_received, n_received, s_carried_over, n_carried_over, s_carried_forward, n_carried_forward, s_disclosed, n_disclosed, s_partially_disclosed, n_partially_disclosed, s_withheld, n_withheld, s_unavailable, n_unavailable, s_not_processed, n_not_processed, s_other_handled, n_other_handled, s_total_handled, n_total_handled, s_licensing, n_licensing, s_penalty, n_penalty, s_coercion, n_coercion, s_fees_wan, n_fees_wan, s_rules_issued, n_rules_issued, s_rules_repealed, n_rules_repealed, s_rules_in_force, n_rules_in_force, s_rules_made, n_rules_made, s_rules_published, n_rules_published, s_rules_total_public, n_rules_total_public, s_docs_issued, n_docs_issued, s_docs_repealed, n_docs_repealed, s_docs_in_force, n_docs_in_force, s_docs_made, n_docs_made, s_docs_published, n_docs_published, s_docs_total_public, n_docs_total_public, s_review_upheld, n_review_upheld, s_review_corrected, n_review_corrected, s_review_other, n_review_other, s_review_pending, n_review_pending, s_review_total, n_review_total, s_suit_upheld, n_suit_upheld, s_suit_corrected, n_suit_corrected, s_suit_other, n_suit_other, s_suit_pending, n_suit_pending, s_suit_total, n_suit_total)
        SELECT %s, f.year, sum(f.d)::int, sum(f.d * coalesce(f.days_late > 0, false)::int)::int,
               coalesce(sum(f.d * f.received_natural_person), 0), sum(f.d * (f.received_natural_person IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.received_commercial), 0), sum(f.d * (f.received_commercial IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.received_research), 0), sum(f.d * (f.received_research IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.received_public_interest), 0), sum(f.d * (f.received_public_interest IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.received_legal_service), 0), sum(f.d * (f.received_legal_service IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.received_other_org), 0), sum(f.d * (f.received_other_org IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.received), 0), sum(f.d * (f.received IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.carried_over), 0), sum(f.d * (f.carried_over IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.carried_forward), 0), sum(f.d * (f.carried_forward IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.disclosed), 0), sum(f.d * (f.disclosed IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.partially_disclosed), 0), sum(f.d * (f.partially_disclosed IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.withheld), 0), sum(f.d * (f.withheld IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.unavailable), 0), sum(f.d * (f.unavailable IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.not_processed), 0), sum(f.d * (f.not_processed IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.other_handled), 0), sum(f.d * (f.other_handled IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.total_handled), 0), sum(f.d * (f.total_handled IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.licensing), 0), sum(f.d * (f.licensing IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.penalty), 0), sum(f.d * (f.penalty IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.coercion), 0), sum(f.d * (f.coercion IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.fees_wan), 0), sum(f.d * (f.fees_wan IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.rules_issued), 0), sum(f.d * (f.rules_issued IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.rules_repealed), 0), sum(f.d * (f.rules_repealed IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.rules_in_force), 0), sum(f.d * (f.rules_in_force IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.rules_made), 0), sum(f.d * (f.rules_made IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.rules_published), 0), sum(f.d * (f.rules_published IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.rules_total_public), 0), sum(f.d * (f.rules_total_public IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.docs_issued), 0), sum(f.d * (f.docs_issued IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.docs_repealed), 0), sum(f.d * (f.docs_repealed IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.docs_in_force), 0), sum(f.d * (f.docs_in_force IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.docs_made), 0), sum(f.d * (f.docs_made IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.docs_published), 0), sum(f.d * (f.docs_published IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.docs_total_public), 0), sum(f.d * (f.docs_total_public IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.review_upheld), 0), sum(f.d * (f.review_upheld IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.review_corrected), 0), sum(f.d * (f.review_corrected IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.review_other), 0), sum(f.d * (f.review_other IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.review_pending), 0), sum(f.d * (f.review_pending IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.review_total), 0), sum(f.d * (f.review_total IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.suit_upheld), 0), sum(f.d * (f.suit_upheld IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.suit_corrected), 0), sum(f.d * (f.suit_corrected IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.suit_other), 0), sum(f.d * (f.suit_other IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.suit_pending), 0), sum(f.d * (f.suit_pending IS NOT NULL)::int)::int,
               coalesce(sum(f.d * f.suit_total), 0), sum(f.d * (f.suit_total IS NOT NULL)::int)::int
        FROM (%s) f JOIN agencies a ON a.id = f.agency_id
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (region_id, year) DO UPDATE SET reports = s.reports + excluded.reports, late = s.late + excluded.late,
          s_received_natural_person = s.s_received_natural_person + excluded.s_received_natural_person,
          n_received_natural_person = s.n_received_natural_person + excluded.n_received_natural_person,
          s_received_commercial = s.s_received_commercial + excluded.s_received_commercial,
          n_received_commercial = s.n_received_commercial + excluded.n_received_commercial,
          s_received_research = s.s_received_research + excluded.s_received_research,
          n_received_research = s.n_received_research + excluded.n_received_research,
          s_received_public_interest = s.s_received_public_interest + excluded.s_received_public_interest,
          n_received_public_interest = s.n_received_public_interest + excluded.n_received_public_interest,
          s_received_legal_service = s.s_received_legal_service + excluded.s_received_legal_service,
          n_received_legal_service = s.n_received_legal_service + excluded.n_received_legal_service,
          s_received_other_org = s.s_received_other_org + excluded.s_received_other_org,
          n_received_other_org = s.n_received_other_org + excluded.n_received_other_org,
          s_received = s.s_received + excluded.s_received,
          n_received = s.n_received + excluded.n_received,
          s_carried_over = s.s_carried_over + excluded.s_carried_over,
          n_carried_over = s.n_carried_over + excluded.n_carried_over,
          s_carried_forward = s.s_carried_forward + excluded.s_carried_forward,
          n_carried_forward = s.n_carried_forward + excluded.n_carried_forward,
          s_disclosed = s.s_disclosed + excluded.s_disclosed,
          n_disclosed = s.n_disclosed + excluded.n_disclosed,
          s_partially_disclosed = s.s_partially_disclosed + excluded.s_partially_disclosed,
          n_partially_disclosed = s.n_partially_disclosed + excluded.n_partially_disclosed,
          s_withheld = s.s_withheld + excluded.s_withheld,
          n_withheld = s.n_withheld + excluded.n_withheld,
          s_unavailable = s.s_unavailable + excluded.s_unavailable,
          n_unavailable = s.n_unavailable + excluded.n_unavailable,
          s_not_processed = s.s_not_processed + excluded.s_not_processed,
          n_not_processed = s.n_not_processed + excluded.n_not_processed,
          s_other_handled = s.s_other_handled + excluded.s_other_handled,
          n_other_handled = s.n_other_handled + excluded.n_other_handled,
          s_total_handled = s.s_total_handled + excluded.s_total_handled,
          n_total_handled = s.n_total_handled + excluded.n_total_handled,
          s_licensing = s.s_licensing + excluded.s_licensing,
          n_licensing = s.n_licensing + excluded.n_licensing,
          s_penalty = s.s_penalty + excluded.s_penalty,
          n_penalty = s.n_penalty + excluded.n_penalty,
          s_coercion = s.s_coercion + excluded.s_coercion,
          n_coercion = s.n_coercion + excluded.n_coercion,
          s_fees_wan = s.s_fees_wan + excluded.s_fees_wan,
          n_fees_wan = s.n_fees_wan + excluded.n_fees_wan,
          s_rules_issued = s.s_rules_issued + excluded.s_rules_issued,
          n_rules_issued = s.n_rules_issued + excluded.n_rules_issued,
          s_rules_repealed = s.s_rules_repealed + excluded.s_rules_repealed,
          n_rules_repealed = s.n_rules_repealed + excluded.n_rules_repealed,
          s_rules_in_force = s.s_rules_in_force + excluded.s_rules_in_force,
          n_rules_in_force = s.n_rules_in_force + excluded.n_rules_in_force,
          s_rules_made = s.s_rules_made + excluded.s_rules_made,
          n_rules_made = s.n_rules_made + excluded.n_rules_made,
          s_rules_published = s.s_rules_published + excluded.s_rules_published,
          n_rules_published = s.n_rules_published + excluded.n_rules_published,
          s_rules_total_public = s.s_rules_total_public + excluded.s_rules_total_public,
          n_rules_total_public = s.n_rules_total_public + excluded.n_rules_total_public,
          s_docs_issued = s.s_docs_issued + excluded.s_docs_issued,
          n_docs_issued = s.n_docs_issued + excluded.n_docs_issued,
          s_docs_repealed = s.s_docs_repealed + excluded.s_docs_repealed,
          n_docs_repealed = s.n_docs_repealed + excluded.n_docs_repealed,
          s_docs_in_force = s.s_docs_in_force + excluded.s_docs_in_force,
          n_docs_in_force = s.n_docs_in_force + excluded.n_docs_in_force,
          s_docs_made = s.s_docs_made + excluded.s_docs_made,
          n_docs_made = s.n_docs_made + excluded.n_docs_made,
          s_docs_published = s.s_docs_published + excluded.s_docs_published,
          n_docs_published = s.n_docs_published + excluded.n_docs_published,
          s_docs_total_public = s.s_docs_total_public + excluded.s_docs_total_public,
          n_docs_total_public = s.n_docs_total_public + excluded.n_docs_total_public,
          s_review_upheld = s.s_review_upheld + excluded.s_review_upheld,
          n_review_upheld = s.n_review_upheld + excluded.n_review_upheld,
          s_review_corrected = s.s_review_corrected + excluded.s_review_corrected,
          n_review_corrected = s.n_review_corrected + excluded.n_review_corrected,
          s_review_other = s.s_review_other + excluded.s_review_other,
          n_review_other = s.n_review_other + excluded.n_review_other,
          s_review_pending = s.s_review_pending + excluded.s_review_pending,
          n_review_pending = s.n_review_pending + excluded.n_review_pending,
          s_review_total = s.s_review_total + excluded.s_review_total,
          n_review_total = s.n_review_total + excluded.n_review_total,
          s_suit_upheld = s.s_suit_upheld + excluded.s_suit_upheld,
          n_suit_upheld = s.n_suit_upheld + excluded.n_suit_upheld,
          s_suit_corrected = s.s_suit_corrected + excluded.s_suit_corrected,
          n_suit_corrected = s.n_suit_corrected + excluded.n_suit_corrected,
          s_suit_other = s.s_suit_other + excluded.s_suit_other,
          n_suit_other = s.n_suit_other + excluded.n_suit_other,
          s_suit_pending = s.s_suit_pending + excluded.s_suit_pending,
          n_suit_pending = s.n_suit_pending + excluded.n_suit_pending,
          s_suit_total = s.s_suit_total + excluded.s_suit_total,
          n_suit_total = s.n_suit_total + excluded.n_suit_total
    $q$, region, src)
$$;
--> statement-breakpoint
-- The transition rows of the firing statement, each with its sign.
CREATE FUNCTION "transition_rows"(op text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT CASE op WHEN 'INSERT' THEN 'SELECT t.*, 1 AS d FROM new_rows t'
                 WHEN 'DELETE' THEN 'SELECT t.*, -1 AS d FROM old_rows t'
                 ELSE 'SELECT t.*, 1 AS d FROM new_rows t UNION ALL SELECT t.*, -1 AS d FROM old_rows t' END
$$;
--> statement-breakpoint
CREATE FUNCTION "coverage_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE coverage_counts_sql(transition_rows(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "score_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE score_counts_sql(transition_rows(TG_OP), 'a.region_id');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "region_figures_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE region_figures_sql(transition_rows(TG_OP), 'a.region_id');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "coverage_counts_insert" AFTER INSERT ON "agency_coverage" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "coverage_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "coverage_counts_update" AFTER UPDATE ON "agency_coverage" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "coverage_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "coverage_counts_delete" AFTER DELETE ON "agency_coverage" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "coverage_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "score_counts_insert" AFTER INSERT ON "report_scores" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "score_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "score_counts_update" AFTER UPDATE ON "report_scores" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "score_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "score_counts_delete" AFTER DELETE ON "report_scores" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "score_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "region_figures_insert" AFTER INSERT ON "report_figures" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "region_figures_apply"();
--> statement-breakpoint
CREATE TRIGGER "region_figures_update" AFTER UPDATE ON "report_figures" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "region_figures_apply"();
--> statement-breakpoint
CREATE TRIGGER "region_figures_delete" AFTER DELETE ON "report_figures" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "region_figures_apply"();
--> statement-breakpoint
-- An agency moved to another region takes its counted rows along (agency_coverage follows by its
-- own trigger, and coverage_counts with it).
CREATE FUNCTION "agency_rollups_move"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text := format('SELECT t.*, 1 AS d FROM %%1$s t WHERE t.agency_id = %1$s UNION ALL SELECT t.*, -1 AS d FROM %%1$s t WHERE t.agency_id = %1$s', NEW.id);
  region text := format('CASE WHEN f.d = 1 THEN %s ELSE %s END', NEW.region_id, OLD.region_id);
BEGIN
  IF OLD.region_id IS DISTINCT FROM NEW.region_id THEN
    EXECUTE region_figures_sql(format(src, 'report_figures'), region);
    EXECUTE score_counts_sql(format(src, 'report_scores'), region);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "agencies_rollups_move" AFTER UPDATE OF region_id ON "agencies" FOR EACH ROW EXECUTE FUNCTION "agency_rollups_move"();
--> statement-breakpoint
-- A deleted agency's reports go first, while the agency still says where they were counted.
CREATE FUNCTION "agencies_delete_reports"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM reports WHERE agency_id = OLD.id;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "agencies_delete_reports" BEFORE DELETE ON "agencies" FOR EACH ROW EXECUTE FUNCTION "agencies_delete_reports"();
--> statement-breakpoint
-- New agencies and new or deleted reports reach agency_coverage one statement at a time (a bulk
-- COPY is then one update, and one write of coverage_counts); a report moved to another agency or
-- year stays with the row trigger of 0020.
DROP TRIGGER "reports_coverage" ON "reports";
--> statement-breakpoint
CREATE TRIGGER "reports_coverage" AFTER UPDATE OF agency_id, year ON "reports" FOR EACH ROW EXECUTE FUNCTION "agency_coverage_report"();
--> statement-breakpoint
CREATE FUNCTION "agency_coverage_reports"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    WITH d AS (
      SELECT t.agency_id, bit_or(CASE WHEN t.d < 0 THEN 1::bigint << (t.year - 2000) ELSE 0 END) AS clr,
             bit_or(CASE WHEN t.d > 0 THEN 1::bigint << (t.year - 2000) ELSE 0 END) AS st
      FROM (%s) t WHERE t.year BETWEEN 2000 AND 2062 GROUP BY t.agency_id
    )
    UPDATE agency_coverage c SET years = (c.years & ~d.clr) | d.st FROM d
    WHERE c.agency_id = d.agency_id AND (c.years & ~d.clr) | d.st <> c.years$q$, transition_rows(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "reports_coverage_insert" AFTER INSERT ON "reports" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agency_coverage_reports"();
--> statement-breakpoint
CREATE TRIGGER "reports_coverage_delete" AFTER DELETE ON "reports" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "agency_coverage_reports"();
--> statement-breakpoint
DROP TRIGGER "agencies_coverage" ON "agencies";
--> statement-breakpoint
CREATE TRIGGER "agencies_coverage" AFTER UPDATE OF region_id, kind, active_from, active_to ON "agencies" FOR EACH ROW EXECUTE FUNCTION "agency_coverage_agency"();
--> statement-breakpoint
CREATE FUNCTION "agency_coverage_agencies"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO agency_coverage (agency_id, region_id, kind, active_from, active_to)
    SELECT id, region_id, kind, active_from, active_to FROM new_rows ORDER BY id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "agencies_coverage_insert" AFTER INSERT ON "agencies" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agency_coverage_agencies"();
--> statement-breakpoint
-- The rollups of the reports already stored.
DO $$
BEGIN
  EXECUTE coverage_counts_sql('SELECT t.*, 1 AS d FROM agency_coverage t');
  EXECUTE region_figures_sql('SELECT t.*, 1 AS d FROM report_figures t', 'a.region_id');
  EXECUTE score_counts_sql('SELECT t.*, 1 AS d FROM report_scores t', 'a.region_id');
END
$$;
