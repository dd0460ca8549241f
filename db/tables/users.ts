/**
 * Users, sessions and the audit log: who may change what, and what they changed.
 */
import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { agencies, regions } from "./reports";
import { instant, writtenAt, ownedBy, pointsTo } from "./columns";

// ---------------------------------------------------------------------------------------------
// Users, sessions and the audit log (who may change what, and what they changed).

export const ROLES = ["viewer", "filer", "assessor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    /** argon2id (memory-hard), PHC string. */
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** Scope: a region subtree (with its agencies); and/or the agencies listed in user_agencies. */
    scopeRegionId: pointsTo("scope_region_id", () => regions.id),
    disabled: boolean("disabled").notNull().default(false),
    createdAt: writtenAt("created_at"),
  },
  (t) => [uniqueIndex("users_username_key").on(sql`lower(${t.username})`)],
);

export const userAgencies = pgTable(
  "user_agencies",
  {
    userId: ownedBy("user_id", () => users.id),
    agencyId: ownedBy("agency_id", () => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.agencyId] })],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie's random token: a leaked table does not give working cookies. */
    id: text("id").primaryKey(),
    userId: ownedBy("user_id", () => users.id),
    expiresAt: instant("expires_at").notNull(),
    createdAt: writtenAt("created_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Failed sign-ins, counted per user name and per address for rate limiting. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: serial("id").primaryKey(),
    key: text("key").notNull(),
    at: writtenAt("at"),
  },
  (t) => [index("sign_in_failures_key_at_idx").on(t.key, t.at)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: writtenAt("at"),
    userId: pointsTo("user_id", () => users.id),
    username: text("username").notNull(),
    action: text("action").notNull(),
    /** What was changed, e.g. report:12 or user:3. */
    target: text("target").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_target_idx").on(t.target)],
);

export type User = typeof users.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
