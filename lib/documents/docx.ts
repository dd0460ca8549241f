/**
 * Blocks → a .docx that Word and WPS open: A4, 宋体 for Chinese (Times New Roman for Latin),
 * tables with borders, alert rows and lines in red *and* marked in words by the blocks themselves.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Block } from "./blocks";
import { msg } from "../messages";

const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
const RED = "B91C1C";
const line = { style: BorderStyle.SINGLE, size: 4, color: "888888" };
const borders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

function cell(text: string, o: { bold?: boolean; red?: boolean; size: number; width?: number }) {
  return new TableCell({
    width: o.width ? { size: o.width, type: WidthType.DXA } : undefined,
    children: [
      new Paragraph({ children: [new TextRun({ text, bold: o.bold, color: o.red ? RED : undefined, size: o.size, font: FONT })] }),
    ],
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
  });
}

function render(b: Block, size: number, textWidth: number): (Paragraph | Table)[] {
  switch (b.kind) {
    case "title":
      return [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          spacing: { after: 200 },
          children: [new TextRun({ text: b.text, bold: true, size: size + 12, font: FONT, color: "000000" })],
        }),
      ];
    case "heading":
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          spacing: { before: 160, after: 60 },
          children: [new TextRun({ text: b.text, bold: true, size: size + 2, font: FONT, color: "000000" })],
        }),
      ];
    case "para":
      return [
        new Paragraph({
          alignment: b.align === "right" ? AlignmentType.RIGHT : undefined,
          spacing: { after: 80 },
          children: [
            new TextRun({ text: b.text, bold: b.bold, color: b.alert ? RED : undefined, size: b.small ? size - 4 : size, font: FONT }),
          ],
        }),
      ];
    case "table": {
      // Fixed column widths in twips: Word, WPS and LibreOffice then lay the table out alike.
      const shares = b.widths ?? b.header.map(() => 100 / b.header.length);
      const widths = shares.map((p) => Math.floor((textWidth * p) / 100));
      return [
        new Table({
          width: { size: textWidth, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          borders,
          rows: [
            new TableRow({
              tableHeader: true,
              children: b.header.map((h, j) => cell(h, { bold: true, size: size - 2, width: widths[j] })),
            }),
            ...b.rows.map(
              (r, i) =>
                new TableRow({ children: r.map((t, j) => cell(t, { red: b.alertRows?.includes(i), size: size - 2, width: widths[j] })) }),
            ),
          ],
        }),
        new Paragraph({ spacing: { after: 60 }, children: [] }),
      ];
    }
  }
}

/** size: half-points of body text (24 = 小四; the one-page check-up uses 20). */
export async function blocksToDocx(
  blocks: Block[],
  o: { title: string; size?: number; margin?: number } = { title: "" },
): Promise<Uint8Array> {
  const size = o.size ?? 24;
  const margin = o.margin ?? 1440;
  const doc = new Document({
    title: o.title,
    creator: msg.app.name,
    styles: { default: { document: { run: { font: FONT, size } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: margin, bottom: margin, left: margin, right: margin } },
        },
        children: blocks.flatMap((b) => render(b, size, 11906 - 2 * margin)),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
