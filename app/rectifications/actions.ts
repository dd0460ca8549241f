"use server";
import { defineAction } from "@/db/queries/actions";
import {
  MAX_OPEN_AT_ONCE,
  listFindingAgencies,
  listFilteredFindingIds,
  listOpenFindingIdsOfReport,
  openRectifications,
} from "@/db/queries/rectifications";
import { acceptRectification, respondRectification, returnRectification } from "@/db/queries/rectification-steps";
import { beijingToday } from "@/lib/rectification/state";
import { can } from "@/lib/auth/permissions";
import { msg } from "@/lib/messages";
import { formStateAction } from "@/app/server-action";
import { ATTACHMENT_MAX_MB, acceptSchema, openRectificationsSchema, respondSchema, returnSchema, type RectResult } from "./schema";

const fail = (error: string): RectResult => ({ ok: false, error });
const ok = (message: string): RectResult => ({ ok: true, message });
const PAGES: [string, "page" | "layout"][] = [
  ["/rectifications", "page"],
  ["/rectifications/[id]", "page"],
  ["/agencies/[id]", "page"],
  ["/", "page"],
  ["/findings", "page"],
];

export const openRectificationsAction = formStateAction(
  defineAction({
    write: "rectification.open",
    input: openRectificationsSchema,
    fields: (form) => ({ ...Object.fromEntries(form), findingId: form.getAll("findingId") }),
    fail,
    // Which findings: read before authorizing, so every agency they belong to is checked.
    prepare: async (db, d, _form, actor) => {
      if (d.dueOn < beijingToday()) return { ok: false, result: fail(msg.rect.open.dueInPast) };
      const ids =
        d.mode === "ids"
          ? [...new Set(d.findingId)]
          : d.mode === "report"
            ? d.reportId
              ? await listOpenFindingIdsOfReport(db, d.reportId)
              : []
            : await listFilteredFindingIds(db, {
                rule: d.rule,
                severity: d.severity,
                regionId: d.region,
                level: d.level,
                year: d.year,
                status: d.status,
              });
      if (ids.length === 0) return { ok: false, result: fail(msg.rect.open.none) };
      if (ids.length > MAX_OPEN_AT_ONCE) return { ok: false, result: fail(msg.rect.open.tooMany(MAX_OPEN_AT_ONCE)) };
      // The door refuses a set with any agency outside the scope; say which ones, so the filter can be narrowed.
      if (actor) {
        const outside = (await listFindingAgencies(db, ids)).filter(
          (a) => !can(actor, "rectify", { agencyId: a.agencyId, regionPath: a.regionPath }),
        );
        if (outside.length) return { ok: false, result: fail(msg.rect.open.outside(outside.map((a) => a.name))) };
      }
      return { ok: true, value: { findingIds: ids, dueOn: d.dueOn, note: d.note } };
    },
    target: (p) => ({ findingIds: p.findingIds }),
    run: async (tx, p, actor) => {
      const r = await openRectifications(tx, { ...p, by: actor?.name ?? "" });
      return {
        result: ok(msg.rect.open.done(r.created.length, r.skipped)),
        audit: r.created.map((c) => ({
          action: "rectification.open",
          target: `rectification:${c.id}`,
          after: { year: c.year, finding: c.message, dueOn: p.dueOn, note: p.note, state: "open" },
        })),
        revalidate: PAGES,
      };
    },
  }),
);

export const respondRectificationAction = formStateAction(
  defineAction({
    write: "rectification.respond",
    input: respondSchema,
    fail,
    // The attachment is read outside the transaction; an explanation needs text and a file.
    prepare: async (_db, d, form) => {
      const file = form.get("attachment");
      const has = file instanceof File && file.size > 0;
      if (has && file.size > ATTACHMENT_MAX_MB * 1024 * 1024)
        return { ok: false, result: fail(msg.rect.respond.attachmentTooLarge(ATTACHMENT_MAX_MB)) };
      if (d.kind === "explained" && !d.text) return { ok: false, result: fail(msg.rect.respond.needText) };
      if (d.kind === "explained" && !has) return { ok: false, result: fail(msg.rect.respond.needAttachment) };
      const attachment = has
        ? {
            name: file.name.slice(0, 200),
            type: (file.type || "application/octet-stream").slice(0, 100),
            data: new Uint8Array(await file.arrayBuffer()),
          }
        : undefined;
      return { ok: true, value: { ...d, attachment } };
    },
    target: (p) => ({ itemId: p.itemId }),
    run: async (tx, p, actor) => {
      const r = await respondRectification(tx, p.itemId, { kind: p.kind, text: p.text, attachment: p.attachment, by: actor?.name ?? "" });
      return {
        result: ok(msg.rect.respond.done),
        audit: { action: "rectification.respond", target: `rectification:${p.itemId}`, ...r },
        revalidate: PAGES,
      };
    },
  }),
);

export const acceptRectificationAction = formStateAction(
  defineAction({
    write: "rectification.accept",
    input: acceptSchema,
    fail,
    target: (p) => ({ itemId: p.itemId }),
    run: async (tx, p, actor) => {
      const r = await acceptRectification(tx, p.itemId, actor?.name ?? "");
      return {
        result: ok(msg.rect.review.accepted),
        audit: { action: "rectification.accept", target: `rectification:${p.itemId}`, ...r },
        revalidate: PAGES,
      };
    },
  }),
);

export const returnRectificationAction = formStateAction(
  defineAction({
    write: "rectification.return",
    input: returnSchema,
    fail,
    target: (p) => ({ itemId: p.itemId }),
    run: async (tx, p, actor) => {
      const r = await returnRectification(tx, p.itemId, p.reason, actor?.name ?? "");
      return {
        result: ok(msg.rect.review.returned),
        audit: { action: "rectification.return", target: `rectification:${p.itemId}`, ...r },
        revalidate: PAGES,
      };
    },
  }),
);
