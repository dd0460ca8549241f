/**
 * Presentations that vary the wording rather than the cell separators: Traditional characters,
 * header and label variants real reports print, and where the metadata (agency, year) stands.
 */
import { chance, pick } from "../random";
import { int, type Presentation } from "./known";
import type { MTable } from "./tables";
import { documentText, type MetaStyle } from "./document-text";
import { BLANK, asciiPunct, rowCells, rowLines, traditional } from "./transforms";
import { cellLineSpaced } from "./table-text";
import { pipe } from "./pipe-text";

/** Traditional characters, as a Taiwan mirror converts the page (文件→檔案). */
export const traditionalChars: Presentation = {
  id: "traditional",
  label: "Traditional characters (mirror site, 文件→檔案)",
  lossy: false,
  render(r, rng) {
    const base = chance(rng, 0.5) ? pipe : cellLineSpaced;
    return traditional(base.render(r, rng));
  },
  agencyForms: (r) => [r.agency, traditional(r.agency)],
};

/** Header and label variants real reports print (Hubei-2020 annotations, 本年(2023)制发件数, …). */
export const headerVariants: Presentation = {
  id: "header-variants",
  label: "header variants (本年(2023)制发件数, 现行有效件, 本年新 | 本年新, annotated headers)",
  lossy: false,
  render(r, rng) {
    const y = r.year;
    const head2021: Record<string, string[]> = {
      issued: [`本年(${y})制发件数`, "本年制发件数", `${y}年制发件数`],
      repealed: ["本年废止件数", `本年(${y})废止件数`],
      in_force: ["现行有效件", "现行有效件数", "现行 有效件数"],
      decisions: ["本年处理决定数量", `本年(${y})处理决定数量`],
    };
    const head2019: Record<string, string[]> = {
      made: ["本年新", "本年新 制作数量", "本年新制作数量"],
      published: ["本年新", "本年新 公开数量"],
      prev_items: [`上一年项目数量(指${y - 1}年事项数)`, "上一年项目数量"],
      change: [`本年增/减(指${y}年增加或减少的事项数,减用负值表示,如-8)`, "本年增/减", "本年增（减）"],
      decisions: [`处理决定数量(指${y}年办件量)`, "处理决定数量"],
      items: [`采购项目数量(指${y}年采购项目数)`, "采购项目数量"],
      amount_yuan: ["采购总金额(元)", "采购总金额"],
    };
    const rowLabels: Record<string, string[]> = {
      rules: ["规章(设区的市、自治州人民政府应提供相关数据)", "规章"],
      normative_docs:
        r.format === "2019" ? ["规范性文件(指各行政机关印发的有正式文号的文件)", "规范性文件"] : ["行政规范性文件", "行政规范性 文件"],
      other_services: ["其他对外管理服务事项(指行政许可以外的政务服务事项)", "其他对外管理服务事项"],
    };
    const t3Heads: Record<string, string[]> = {
      natural_person: ["自 然 人", "自然人"],
      commercial: ["商业 企业", "商业企业"],
      research: ["科研 机构", "科研机构"],
      public_interest: ["社会公益 组织", "社会公益组织"],
      legal_service: ["法律服务 机构", "法律服务机构"],
    };
    const heads = r.format === "2021" ? head2021 : head2019;
    const extraRow = r.format === "2019" && chance(rng, 0.6);
    const render = (t: MTable) => {
      const lines: string[] = [];
      for (const row of t.rows) {
        const texts = rowCells(row, { blank: "", yuanSuffix: true }).map(({ text, cell: c }) => {
          if (t.id === "t2" && c.kind === "head" && c.tag && heads[c.tag]) return pick(rng, heads[c.tag]);
          if (t.id === "t2" && c.kind === "label" && c.tag && rowLabels[c.tag]) return pick(rng, rowLabels[c.tag]);
          if (t.id === "t3" && c.kind === "head" && c.tag && t3Heads[c.tag]) return pick(rng, t3Heads[c.tag]);
          // a value with its annotation: 22（其中修订16件）
          if (
            c.kind === "value" &&
            typeof c.value === "number" &&
            c.value > 1 &&
            /^t2\.normative_docs\.(issued|made)$/.test(c.key!) &&
            chance(rng, 0.4)
          )
            return `${text}（其中修订${int(rng, 1, c.value - 1)}件）`;
          return text;
        });
        lines.push(`${texts.join(" | ")} |`);
        if (extraRow && t.id === "t2" && row.cells[0].tag === "normative_docs") {
          const a = int(rng, 0, 300);
          lines.push(`其他主动公开文件 | ${a} | ${a} | ${a + int(rng, 0, 900)} |`);
        }
      }
      return lines.join("\n");
    };
    const text = documentText(r, rng, render);
    return chance(rng, 0.5) ? asciiPunct(text) : text;
  },
};

/** Metadata variants over pipe-row tables. */
export function metaVariant(id: string, label: string, meta: MetaStyle): Presentation {
  return {
    id,
    label,
    lossy: false,
    render(r, rng) {
      const text = documentText(
        r,
        rng,
        (t) =>
          rowLines(t, BLANK, " | ")
            .map((line) => `${line} |`)
            .join("\n"),
        {
          meta,
        },
      );
      return chance(rng, 0.5) ? asciiPunct(text) : text;
    },
  };
}
