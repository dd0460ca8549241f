/**
 * A rubric as data: indicators with an id, a name, their points and how the points are found.
 * Stored as jsonb (rubrics.definition) and edited on /scoring/rubrics, so the schema is the one
 * boundary every definition passes — the default one in code, an assessor's edit, a stored row.
 *
 * Points model, the same for every automatic method: an indicator is worth `max`; each failing
 * item (a late report, a finding, a corrected case) takes `deduct` off, never below 0. A weight
 * system ("15 points if on time") is deduct = max; a deduction system ("−0.5 per case") is a small
 * deduct. Manual indicators take what the assessor enters, between 0 and max.
 */
import { z } from "zod";
import { RULE_IDS } from "../checks/rules";
import { ALL_CELL_KEYS } from "../report/cell-keys";

import { msg } from "../messages";

export const METHOD_KINDS = ["deadline", "findings", "cells", "manual"] as const;
export type MethodKind = (typeof METHOD_KINDS)[number];

const points = z.number().min(0).max(1000);

const deadlineMethod = z.object({
  kind: z.literal("deadline"),
  /** Off when published after the D1 deadline (lib/checks/rules.ts deadlineFor). */
  deduct: points,
});

const findingsMethod = z.object({
  kind: z.literal("findings"),
  /** Finding rule ids (lib/checks/rules.ts); each stored finding of these rules takes `deduct` off. */
  rules: z.array(z.string().refine((r) => (RULE_IDS as string[]).includes(r), msg.rubric.unknownRule)).min(1, msg.rubric.ruleRequired),
  deduct: points,
  /** The rules read the national tables: a report without them (pre-2019) cannot be scored here. */
  needsTables: z.boolean().default(false),
  /** The rules compare with last year's report: without one there is nothing to deduct. */
  needsPrevious: z.boolean().default(false),
});

const cellsMethod = z.object({
  kind: z.literal("cells"),
  /** Cells whose values (blank = 0) are counted; each unit takes `deduct` off. */
  keys: z.array(z.string().refine((k) => ALL_CELL_KEYS.has(k), msg.rubric.unknownCell)).min(1, msg.rubric.cellRequired),
  deduct: points,
});

const manualMethod = z.object({
  kind: z.literal("manual"),
  /** What the assessor looks at, shown beside the input. */
  guide: z.string().max(300).default(""),
});

export const methodSchema = z.discriminatedUnion("kind", [deadlineMethod, findingsMethod, cellsMethod, manualMethod]);
export type Method = z.infer<typeof methodSchema>;

export const isWebUrl = (u: string) => {
  try {
    const p = new URL(u).protocol;
    return p === "http:" || p === "https:";
  } catch {
    return false;
  }
};

export const sourceSchema = z.object({
  /** Where in shared/spec/domain.md, e.g. "§6 宿迁市部门政务公开考核". */
  ref: z.string().trim().min(1).max(120),
  // Shown as a link: http(s) only (z.url() alone accepts javascript: and data:).
  url: z
    .string()
    .trim()
    .max(500, msg.rubric.sourceTooLong)
    .refine((u) => isWebUrl(u), msg.rubric.sourceScheme)
    .optional(),
});

export const indicatorSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, msg.rubric.idFormat),
  name: z.string().trim().min(1, msg.rubric.nameRequired).max(60, msg.rubric.nameTooLong),
  max: z.number().positive(msg.rubric.pointsPositive).max(1000),
  method: methodSchema,
  sources: z.array(sourceSchema).max(10).default([]),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const rubricDefinitionSchema = z
  .object({
    description: z.string().max(1000).default(""),
    indicators: z.array(indicatorSchema).min(1, msg.rubric.indicatorRequired).max(60),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.indicators.forEach((x, i) => {
      if (seen.has(x.id)) ctx.addIssue({ code: "custom", path: ["indicators", i, "id"], message: msg.rubric.duplicateId(x.id) });
      seen.add(x.id);
    });
  });
export type RubricDefinition = z.infer<typeof rubricDefinitionSchema>;
export type RubricDefinitionInput = z.input<typeof rubricDefinitionSchema>;

/** A rubric as scoring sees it: one version of one rubric. */
export interface Rubric {
  id: number;
  version: number;
  name: string;
  definition: RubricDefinition;
}

export const maxTotal = (d: RubricDefinition) => round2(d.indicators.reduce((s, x) => s + x.max, 0));

export const round2 = (v: number) => Math.round(v * 100) / 100;
