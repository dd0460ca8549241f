/**
 * The schema, one module for Drizzle and drizzle-kit (drizzle.config.ts): every table, relation and
 * inferred type, declared by area in db/tables/ — reports.ts (regions, agencies, reports, cells,
 * findings, the dashboard's rollups), users.ts (users, sessions, audit log), scoring.ts (rubrics and
 * scores), jobs.ts (background work), harvest.ts (website sources and versions), rectification.ts
 * (整改事项), scans.ts (scans waiting for OCR). Queries import from here.
 */
export * from "./tables/reports";
export * from "./tables/users";
export * from "./tables/scoring";
export * from "./tables/jobs";
export * from "./tables/harvest";
export * from "./tables/rectification";
export * from "./tables/scans";
export * from "./tables/agency-coverage";
