"use server";
import { createRubric, saveRubricVersion } from "@/db/queries/rubrics";
import { defineAction } from "@/db/queries/actions";
import { msg } from "@/lib/messages";
import { issuesMessage } from "@/lib/validate";
import { serverAction } from "@/app/server-action";
import { saveRubricSchema, type RubricActionResult } from "./schema";

export const saveRubricAction = serverAction(
  defineAction({
    write: "rubric.edit",
    input: saveRubricSchema,
    target: () => ({}),
    fail: (error: string): RubricActionResult => ({ ok: false, error }),
    // A rubric is a nested definition: say where in it the problem is.
    issues: (issues) =>
      issuesMessage(
        issues.map((i) => ({
          message: /[\u3400-\u9fff]/.test(i.message)
            ? `${i.path.filter((p) => p !== "definition").join(".")} ${i.message}`.trim()
            : i.message,
        })),
      ),
    run: async (tx, d, actor) => {
      const by = actor?.name ?? "";
      if (d.id === undefined) {
        const r = await createRubric(tx, { name: d.name, definition: d.definition, by });
        return {
          result: { ok: true as const, message: msg.scoring.rubrics.created, ...r },
          audit: { action: "rubric.edit", target: `rubric:${r.id}`, before: null, after: { version: 1, name: d.name } },
          revalidate: ["/scoring/rubrics"],
        };
      }
      const r = await saveRubricVersion(tx, { id: d.id, name: d.name, definition: d.definition, by });
      if (!r.ok) return { result: { ok: false as const, error: msg.scoring.errors.noRubric }, audit: null };
      return {
        result: {
          ok: true as const,
          message: r.unchanged ? msg.scoring.rubrics.unchanged : msg.scoring.rubrics.saved(r.version),
          id: d.id,
          version: r.version,
        },
        audit: r.unchanged
          ? null
          : {
              action: "rubric.edit",
              target: `rubric:${d.id}`,
              before: { version: r.version - 1 },
              after: { version: r.version, name: d.name },
            },
        revalidate: ["/scoring/rubrics", "/scoring"],
      };
    },
  }),
);
