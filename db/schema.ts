/**
 * The schema, one module for Drizzle and drizzle-kit (drizzle.config.ts): every table, relation and
 * inferred type, declared by area in db/tables/ — reports.ts (regions, agencies, reports, cell
 * corrections, the import log), findings.ts (findings, their counts and reviews), dashboard.ts (the
 * dashboard's rollups), users.ts (users, sessions, audit log), scoring.ts (rubrics and scores),
 * jobs.ts (background work), harvest.ts (website sources and versions), rectification.ts (整改事项),
 * scans.ts (scans waiting for OCR); columns.ts names the column shapes they share. Queries import
 * from here.
 */
export * from "./tables/reports";
export * from "./tables/findings";
export * from "./tables/dashboard";
export * from "./tables/users";
export * from "./tables/scoring";
export * from "./tables/jobs";
export * from "./tables/harvest";
export * from "./tables/rectification";
export * from "./tables/scans";
export * from "./tables/agency-coverage";
