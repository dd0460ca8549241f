import { msg } from "@/lib/messages";
import { RULES } from "@/lib/checks/rules";

const r = msg.scoring.rubrics;
/** What the rubric editor shows, from the one catalogue. */
export const editorLabels = {
  name: r.name,
  description: r.description,
  sources: r.sources,
  rules: r.rules,
  cellKeys: r.cellKeys,
  deduct: r.deduct,
  guide: r.guide,
  needsTables: r.needsTables,
  needsPrevious: r.needsPrevious,
  addIndicator: r.addIndicator,
  remove: r.remove,
  save: msg.scoring.sheet.save,
  saving: msg.scoring.sheet.saving,
  maxTotal: msg.scoringPage.maxTotalTemplate,
};
export const ruleOptions = RULES.map((x) => ({ id: x.id, title: x.title }));
